package dev.warden.inspect;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Finds the long runs of base64 chars for {@link Base64Layer} 64 bytes at a time with SIMD
 * compares: each block becomes a bit mask of its base64 chars, and four AND-shifts of the mask
 * (with the next block's behind it) leave a bit where {@link Base64Layer#MIN} base64 chars start,
 * so a block of ordinary JSON, whose words are short, costs a few instructions and no branch per
 * word.
 *
 * <p>This class uses the incubating {@code jdk.incubator.vector} module and is loaded only when the
 * JVM was started with it ({@code --add-modules jdk.incubator.vector}, as {@code bin/warden} does).
 */
final class VectorRuns {
  private static final VectorSpecies<Byte> SPECIES = species();
  private static final int LANES = SPECIES.length();
  private static final int BLOCK = 64;

  private VectorRuns() {}

  private static VectorSpecies<Byte> species() {
    VectorSpecies<Byte> preferred = ByteVector.SPECIES_PREFERRED;
    return preferred.vectorBitSize() > 512 ? ByteVector.SPECIES_512 : preferred;
  }

  /** Whether the CPU's vectors are wide enough for this to beat the probing walk. */
  static boolean worthwhile() {
    return LANES >= 16 && BLOCK % LANES == 0;
  }

  /**
   * The runs of at least {@link Base64Layer#MIN} base64 chars of one text that are worth decoding
   * ({@link Base64Layer#worthDecoding}), in order: whole blocks while two fit before the text's
   * end, then the probing walk ({@link Base64Layer#nextRun}) over the rest. Keeps its place in the
   * blocks between calls.
   */
  static final class Finder {
    private final byte[] s;
    private final int n;
    private int b; // the block being read; -1 - at once the probing walk goes on from at
    private long lo; // the masks of the blocks at b and b + 64
    private long hi;
    private long starts; // the starts of runs of MIN in the block at b not yet handed out

    Finder(byte[] s, int n) {
      this.s = s;
      this.n = n;
      if (n < 2 * BLOCK) {
        b = -1;
        return;
      }
      load(0);
    }

    /** The next run worth decoding, as {@code start << 32 | end}, or -1. */
    long next() {
      if (b < 0) {
        return walk();
      }
      while (true) {
        while (starts != 0) {
          int p = Long.numberOfTrailingZeros(starts);
          int start = b + p;
          int end = end(s, n, b, lo, hi, p + Base64Layer.MIN);
          if (end - b >= BLOCK) {
            // s[end] is not base64: the blocks may start there
            if (n - end < 2 * BLOCK) {
              b = -1 - end;
            } else {
              load(end);
            }
          } else {
            starts &= -1L << (end - b);
          }
          if (Base64Layer.worthDecoding(s, start, end)) {
            return (long) start << 32 | end;
          }
          if (b < 0) {
            return walk();
          }
        }
        if (n - (b + BLOCK) < 2 * BLOCK) {
          // Every run of MIN starting before b + 64 was found whole: one through it starts there.
          b = -1 - (b + BLOCK);
          return walk();
        }
        b += BLOCK;
        lo = hi;
        hi = mask(s, b + BLOCK);
        starts = runStarts(lo, hi);
      }
    }

    private void load(int at) {
      b = at;
      lo = mask(s, at);
      hi = mask(s, at + BLOCK);
      starts = runStarts(lo, hi);
    }

    /** The probing walk over the text's last blocks. */
    private long walk() {
      int from = -1 - b;
      long span = Base64Layer.probe(s, n, from);
      b = span < 0 ? -1 - n : -1 - (int) span;
      return span;
    }
  }

  /**
   * The end of the run of base64 chars through {@code b + q}: the first clear bit at or after
   * {@code q} of {@code hi:lo}, the masks of the blocks at {@code b}, or past them a walk.
   */
  private static int end(byte[] s, int n, int b, long lo, long hi, int q) {
    if (q < BLOCK) {
      long clear = ~lo & (-1L << q);
      if (clear != 0) {
        return b + Long.numberOfTrailingZeros(clear);
      }
      q = BLOCK;
    }
    long clear = ~hi & (-1L << (q - BLOCK));
    if (clear != 0) {
      return b + BLOCK + Long.numberOfTrailingZeros(clear);
    }
    return Base64Layer.runEnd(s, n, b + 2 * BLOCK);
  }

  /**
   * The bits {@code i} of {@code lo} where {@link Base64Layer#MIN} (24) set bits start in the 128
   * bits {@code hi:lo} (bit {@code i} and the 23 above it): {@code hi:lo} AND-shifted by 1, 2, 4
   * and 8 marks where runs of 2, 4, 8 and 16 start, then two runs of 16 eight apart make 24.
   */
  static long runStarts(long lo, long hi) {
    long lo2 = lo & (lo >>> 1 | hi << 63);
    long hi2 = hi & hi >>> 1;
    long lo4 = lo2 & (lo2 >>> 2 | hi2 << 62);
    long hi4 = hi2 & hi2 >>> 2;
    long lo8 = lo4 & (lo4 >>> 4 | hi4 << 60);
    long hi8 = hi4 & hi4 >>> 4;
    long lo16 = lo8 & (lo8 >>> 8 | hi8 << 56);
    long hi16 = hi8 & hi8 >>> 8;
    return lo16 & (lo16 >>> 8 | hi16 << 56);
  }

  /** The base64 chars of {@code s[i, i + 64)}, bit {@code k} for {@code s[i + k]}. */
  private static long mask(byte[] s, int i) {
    long m = 0;
    for (int k = 0; k < BLOCK; k += LANES) {
      ByteVector v = ByteVector.fromArray(SPECIES, s, i + k);
      VectorMask<Byte> digit = v.sub((byte) '0').compare(VectorOperators.ULT, (byte) 10);
      VectorMask<Byte> letter =
          v.or((byte) 0x20).sub((byte) 'a').compare(VectorOperators.ULT, (byte) 26);
      VectorMask<Byte> marks =
          v.eq((byte) '+')
              .or(v.eq((byte) '/'))
              .or(v.eq((byte) '='))
              .or(v.eq((byte) '-'))
              .or(v.eq((byte) '_'));
      m |= digit.or(letter).or(marks).toLong() << k;
    }
    return m;
  }
}
