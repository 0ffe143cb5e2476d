package dev.warden.audit;

/**
 * An {@link AuditEntry} in its place in the chain: sequence number, the previous record's hash and
 * its own, {@code hash = SHA-256(canonical(seq, entry) ‖ prevHash)} (see {@link CanonicalForm}).
 */
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String hash) {
  /** The prev hash of the first record ever written. */
  public static final String GENESIS = "0".repeat(64);

  /** Links {@code entry} after a record whose hash is {@code prevHash}. */
  public static AuditRecord link(long seq, AuditEntry entry, String prevHash) {
    return new AuditRecord(seq, entry, prevHash, CanonicalForm.hash(seq, entry, prevHash));
  }

  /** {@link #link(long, AuditEntry, String)} with a reused {@code form} (one per thread). */
  static AuditRecord link(long seq, AuditEntry entry, String prevHash, CanonicalForm form) {
    return new AuditRecord(seq, entry, prevHash, form.hashOf(seq, entry, prevHash));
  }

  /** Whether the stored hash is the one its content and link give. */
  public boolean hashMatches() {
    return hash.equals(CanonicalForm.hash(seq, entry, prevHash));
  }

  /** {@link #hashMatches()} with a reused {@code form} (one per thread). */
  boolean hashMatches(CanonicalForm form) {
    return hash.equals(form.hashOf(seq, entry, prevHash));
  }
}
