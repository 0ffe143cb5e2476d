package dev.warden.mcp;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Crosses the inside of a JSON string 64 bytes at a time with SIMD compares, for {@link
 * JsonScanner}. Each block becomes three bit masks (quotes, backslashes, and bytes below 0x20 as
 * signed, which are the control characters and every byte of a multi-byte UTF-8 character); which
 * bytes an escape covers is worked out from the backslash mask with integer arithmetic, without a
 * branch per escape (the method of simdjson's escape scanner), so text full of escaped quotes, such
 * as JSON carried as a string, costs what plain text does.
 *
 * <p>Only the common case is settled here: ASCII text whose escapes are single characters. A block
 * with a control character, a non-ASCII byte, a {@code \}{@code u} escape or an escape that is not
 * one of JSON's is left to the scanner's byte loop, from the last position where no escape is
 * pending, so every rule is checked in one place.
 *
 * <p>This class uses the incubating {@code jdk.incubator.vector} module and is loaded only when the
 * JVM was started with it ({@code --add-modules jdk.incubator.vector}, as {@code bin/warden} does).
 */
final class VectorStrings {
  /** The widest vector the CPU has, up to the 64 bytes of a block; a block is 1, 2 or 4 of them. */
  private static final VectorSpecies<Byte> SPECIES = species();

  private static final int LANES = SPECIES.length();

  /** Bytes per block: one bit of a {@code long} mask per byte. */
  static final int BLOCK = 64;

  /** The odd bit positions, for telling escaping backslashes from escaped ones. */
  private static final long ODD = 0xAAAAAAAAAAAAAAAAL;

  private VectorStrings() {}

  private static VectorSpecies<Byte> species() {
    String bits = System.getProperty("warden.json.vector-bits");
    if (bits != null) {
      return VectorSpecies.of(
          byte.class, jdk.incubator.vector.VectorShape.forBitSize(Integer.parseInt(bits)));
    }
    VectorSpecies<Byte> preferred = ByteVector.SPECIES_PREFERRED;
    return preferred.vectorBitSize() > 512 ? ByteVector.SPECIES_512 : preferred;
  }

  /** Whether the CPU's vectors are wide enough for this to beat the byte loop. */
  static boolean worthwhile() {
    return LANES >= 16 && BLOCK % LANES == 0;
  }

  /**
   * Crosses string content from {@code i} (no escape pending there) in whole blocks that end before
   * {@code end}. Returns {@code ~after} when it found the closing quote, {@code after} being the
   * position just past it; otherwise a position at or after {@code i}, with no escape pending,
   * where the byte loop takes over: the start of a block it does not settle, or of the last bytes
   * that do not fill a block.
   */
  static int cross(byte[] b, int i, int end) {
    long pending = 0; // 1 when the block's first byte is escaped by the previous block's backslash
    while (end - i >= BLOCK) {
      long backslash = 0;
      long quote = 0;
      long special = 0;
      long escapable = 0;
      for (int k = 0; k < BLOCK; k += LANES) {
        ByteVector v = ByteVector.fromArray(SPECIES, b, i + k);
        backslash |= v.eq((byte) '\\').toLong() << k;
        quote |= v.eq((byte) '"').toLong() << k;
        special |= v.lt((byte) 0x20).toLong() << k;
        escapable |= singleEscapes(v) << k;
      }
      // simdjson's escape arithmetic: a run of backslashes escapes every other byte after its start
      long starts = backslash & ~pending;
      long code = (((starts << 1) | ODD) - starts) ^ ODD;
      long escaped = code ^ (backslash | pending);
      long closing = quote & ~escaped;
      long inside = closing == 0 ? -1L : (closing & -closing) - 1;
      if (((special | (escaped & ~escapable)) & inside) != 0) {
        return pending == 0 ? i : i - 1; // the byte loop reads the escape from its backslash
      }
      if (closing != 0) {
        return ~(i + Long.numberOfTrailingZeros(closing) + 1);
      }
      pending = (code & backslash) >>> 63;
      i += BLOCK;
    }
    return pending == 0 ? i : i - 1;
  }

  /** The lanes holding a character that may follow a backslash on its own: {@code "\/bfnrt}. */
  private static long singleEscapes(ByteVector v) {
    return v.eq((byte) '"')
        .or(v.eq((byte) '\\'))
        .or(v.eq((byte) '/'))
        .or(v.eq((byte) 'b'))
        .or(v.eq((byte) 'f'))
        .or(v.eq((byte) 'n'))
        .or(v.eq((byte) 'r'))
        .or(v.eq((byte) 't'))
        .toLong();
  }
}
