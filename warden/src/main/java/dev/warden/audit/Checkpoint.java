package dev.warden.audit;

/**
 * A signed statement that the chain had reached record {@code seq} whose hash is {@code hash}. An
 * attacker who deletes the tail of the trail must also delete every checkpoint past the cut, and
 * cannot forge a new one without the key.
 *
 * @param mac lower-case hex HMAC-SHA256 over {@code "warden-checkpoint-v1\n" + seq + "\n" + hash +
 *     "\n" + timeMillis}
 */
public record Checkpoint(long seq, String hash, long timeMillis, String mac) {}
