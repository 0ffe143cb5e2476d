package dev.warden.inspect.validate;

/**
 * Keccak-256 as Ethereum uses it (original Keccak padding {@code 0x01}), which differs from the
 * JDK's FIPS-202 SHA3-256 (padding {@code 0x06}) in every output. Enough for EIP-55 checksums.
 */
public final class Keccak {
  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };
  private static final int[] ROT = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
  };
  private static final int RATE = 136;

  private Keccak() {}

  /** The 32-byte Keccak-256 digest of {@code in}. */
  public static byte[] keccak256(byte[] in) {
    long[] a = new long[25];
    int blocks = in.length / RATE + 1;
    byte[] padded = new byte[blocks * RATE];
    System.arraycopy(in, 0, padded, 0, in.length);
    padded[in.length] ^= 0x01;
    padded[padded.length - 1] ^= (byte) 0x80;
    for (int b = 0; b < blocks; b++) {
      for (int i = 0; i < RATE / 8; i++) {
        a[i] ^= littleEndian(padded, b * RATE + i * 8);
      }
      permute(a);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (a[i / 8] >>> (8 * (i % 8)));
    }
    return out;
  }

  private static long littleEndian(byte[] b, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (b[off + i] & 0xff);
    }
    return v;
  }

  private static void permute(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (long rc : RC) {
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[y + x] ^= d;
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROT[x + 5 * y]);
        }
      }
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) {
          a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        }
      }
      a[0] ^= rc;
    }
  }

  /**
   * Whether a 40-hex-digit Ethereum address (without {@code 0x}) satisfies EIP-55: a letter is
   * upper-case exactly where the Keccak-256 of the lower-case address has a nibble of 8 or more.
   */
  public static boolean eip55(String hex40) {
    String lower = hex40.toLowerCase(java.util.Locale.ROOT);
    byte[] hash = keccak256(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    for (int i = 0; i < 40; i++) {
      char ch = hex40.charAt(i);
      if (Character.isLetter(ch)) {
        int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
        if (Character.isUpperCase(ch) != nibble >= 8) {
          return false;
        }
      }
    }
    return true;
  }
}
