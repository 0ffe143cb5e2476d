package dev.warden.inspect.prefilter;

import dev.warden.mcp.VectorApi;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Where keywords may start, 64 chars at a time with SIMD table look-ups: for each of the first
 * {@link StartTables#SPAN} chars of a start, each char of a block is looked up in that position's
 * tables (128 entries, one 512-bit permute of two registers), and the results, shifted by reading
 * the block one char further each time, are ANDed: a lane left with a bucket bit may start a
 * keyword of that bucket. {@link AhoCorasick} then checks each such start. The same pass marks the
 * stop chars of {@link AhoCorasick#scanUntilStop}.
 *
 * <p>Loaded only when the JVM was started with {@code jdk.incubator.vector}, and used only where
 * its vectors are 512 bits wide with byte permutes ({@link #worthwhile}): narrower vectors cannot
 * look up 128 entries in one step, and the automaton's scan is then the faster.
 */
final class VectorStarts {
  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_512;

  /** Chars per block, one bit each in a mask. */
  static final int BLOCK = 64;

  /** How far past a block's start its look-ups read. */
  static final int READS = BLOCK + StartTables.SPAN - 1;

  // The tables, [v * SPAN + j] as in StartTables, each in two halves (chars 0-63 and 64-127).
  private final ByteVector[] low;
  private final ByteVector[] high;
  private final ByteVector stopLow; // the stop chars; chars of 128 and above are stops too
  private final ByteVector stopHigh;

  /**
   * Whether the CPU's vectors are 512 bits wide and it permutes their bytes in one instruction
   * (AVX-512 VBMI: Intel since Ice Lake, AMD since Zen 4). Without VBMI no one instruction does the
   * two-register byte look-up, and the JIT may leave it to plain Java, many times slower than the
   * automaton: the automaton reads there.
   */
  static boolean worthwhile() {
    return ByteVector.SPECIES_PREFERRED.vectorBitSize() >= 512 && VectorApi.cpuHas("avx512vbmi");
  }

  /**
   * @param tables as {@link StartTables#of} builds them
   * @param stops per ASCII char, whether it is a stop char
   */
  VectorStarts(byte[][] tables, boolean[] stops) {
    low = new ByteVector[tables.length];
    high = new ByteVector[tables.length];
    for (int t = 0; t < tables.length; t++) {
      low[t] = ByteVector.fromArray(SPECIES, tables[t], 0);
      high[t] = ByteVector.fromArray(SPECIES, tables[t], BLOCK);
    }
    byte[] stop = new byte[128];
    for (int c = 0; c < 128; c++) {
      stop[c] = (byte) (stops[c] ? 1 : 0);
    }
    stopLow = ByteVector.fromArray(SPECIES, stop, 0);
    stopHigh = ByteVector.fromArray(SPECIES, stop, BLOCK);
  }

  /**
   * Fills {@code starts[k]} with the positions of block {@code from + 64 k} where a keyword may
   * start, and {@code stops[k]} with its stop chars, for {@code k < blocks}; the text must have
   * {@link #READS} chars from the last block's start.
   */
  void fill(byte[] text, int from, int blocks, long[] starts, long[] stops) {
    // The tables in locals: read once per call, not once per block (a loop over the arrays would
    // keep them as objects).
    final ByteVector l00 = low[0], l01 = low[1], l02 = low[2], l03 = low[3];
    final ByteVector h00 = high[0], h01 = high[1], h02 = high[2], h03 = high[3];
    final ByteVector l10 = low[4], l11 = low[5], l12 = low[6], l13 = low[7];
    final ByteVector h10 = high[4], h11 = high[5], h12 = high[6], h13 = high[7];
    final ByteVector l20 = low[8], l21 = low[9], l22 = low[10], l23 = low[11];
    final ByteVector h20 = high[8], h21 = high[9], h22 = high[10], h23 = high[11];
    final ByteVector l30 = low[12], l31 = low[13], l32 = low[14], l33 = low[15];
    final ByteVector h30 = high[12], h31 = high[13], h32 = high[14], h33 = high[15];
    final ByteVector sl = stopLow;
    final ByteVector sh = stopHigh;
    for (int k = 0; k < blocks; k++) {
      int b = from + k * BLOCK;
      ByteVector raw = ByteVector.fromArray(SPECIES, text, b);
      ByteVector x0 = raw.and((byte) 0x7F);
      ByteVector x1 = ByteVector.fromArray(SPECIES, text, b + 1).and((byte) 0x7F);
      ByteVector x2 = ByteVector.fromArray(SPECIES, text, b + 2).and((byte) 0x7F);
      ByteVector x3 = ByteVector.fromArray(SPECIES, text, b + 3).and((byte) 0x7F);
      ByteVector r0 =
          x0.selectFrom(l00, h00)
              .and(x1.selectFrom(l01, h01))
              .and(x2.selectFrom(l02, h02))
              .and(x3.selectFrom(l03, h03));
      ByteVector r1 =
          x0.selectFrom(l10, h10)
              .and(x1.selectFrom(l11, h11))
              .and(x2.selectFrom(l12, h12))
              .and(x3.selectFrom(l13, h13));
      ByteVector r2 =
          x0.selectFrom(l20, h20)
              .and(x1.selectFrom(l21, h21))
              .and(x2.selectFrom(l22, h22))
              .and(x3.selectFrom(l23, h23));
      ByteVector r3 =
          x0.selectFrom(l30, h30)
              .and(x1.selectFrom(l31, h31))
              .and(x2.selectFrom(l32, h32))
              .and(x3.selectFrom(l33, h33));
      starts[k] = r0.or(r1).or(r2).or(r3).compare(VectorOperators.NE, (byte) 0).toLong();
      stops[k] =
          x0.selectFrom(sl, sh)
              .compare(VectorOperators.NE, (byte) 0)
              .or(raw.compare(VectorOperators.LT, (byte) 0))
              .toLong();
    }
  }
}
