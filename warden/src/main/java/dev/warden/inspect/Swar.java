package dev.warden.inspect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a text's {@link dev.warden.inspect.prefilter.Ascii} view at a time, read as one
 * little-endian long, and masks of which of them lie in a range or equal a char: the high bit of
 * each such byte. The sums keep each byte's high bit clear first, so no byte carries into another;
 * a byte of 0x80 or more (a char outside ASCII) is in no range.
 */
final class Swar {
  static final long HIGH = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = ~HIGH;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Swar() {}

  /** The bytes {@code s[i, i + 8)}, {@code s[i]} lowest. */
  static long read(byte[] s, int i) {
    return (long) LONGS.get(s, i);
  }

  /** Writes {@code x} over {@code s[i, i + 8)}. */
  static void write(byte[] s, int i, long x) {
    LONGS.set(s, i, x);
  }

  /** The high bit of each byte from {@code lo} to {@code hi} (both below 0x80). */
  static long between(long x, int lo, int hi) {
    long low = x & LOW7;
    return (low + (0x80 - lo) * ONES) & ~(low + (0x7F - hi) * ONES) & ~x & HIGH;
  }

  /** The high bit of each byte equal to {@code c} (below 0x80). */
  static long equal(long x, int c) {
    long t = x ^ (c * ONES);
    return ~(((t & LOW7) + LOW7) | t) & HIGH;
  }
}
