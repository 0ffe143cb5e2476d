package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.Keccak;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Crypto-wallet values: Bitcoin addresses (Base58Check P2PKH/P2SH, Bech32/Bech32m), Ethereum
 * addresses ({@code 0x} + 40 hex) and WIF private keys (Base58Check, version 0x80).
 */
final class CryptoDetector implements Detector {
  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final Set<String> TAGS = Set.of(Tags.GDPR, Tags.SOC2, "AML");

  @Override
  public List<String> types() {
    return List.of("CRYPTO_BTC_ADDRESS", "CRYPTO_ETH_ADDRESS", "CRYPTO_WIF_PRIVATE_KEY");
  }

  @Override
  public boolean digitCandidates() {
    return false;
  }

  @Override
  public int[] candidateLengths() {
    int[] lengths = new int[34 - 25 + 1];
    Arrays.setAll(lengths, i -> 25 + i);
    return lengths;
  }

  @Override
  public List<String> keywords() {
    // WIF keys: uncompressed 5H/5J/5K…, compressed Kw…Kz… and L1…L5…
    return List.of(
        "0x", "bc1", "tb1", "5h", "5j", "5k", "kw", "kx", "ky", "kz", "l1", "l2", "l3", "l4", "l5");
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      return;
    }
    String s = text.text();
    int stop = start;
    while (stop < s.length() && stop - start < 100 && Character.isLetterOrDigit(s.charAt(stop))) {
      stop++;
    }
    String v = s.substring(start, stop);
    String kw = v.substring(0, Math.min(3, v.length())).toLowerCase(java.util.Locale.ROOT);
    if (kw.startsWith("0x")) {
      String hex = v.substring(2);
      if (v.length() == 42 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        boolean mixed =
            !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        // Mixed case is an EIP-55 checksum: reliable when it holds, a typo or no address if not.
        if (!mixed) {
          out.add(new Finding("CRYPTO_ETH_ADDRESS", start, stop, Confidence.MEDIUM, TAGS));
        } else if (Keccak.eip55(hex)) {
          out.add(new Finding("CRYPTO_ETH_ADDRESS", start, stop, Confidence.HIGH, TAGS));
        }
      }
    } else if (kw.equals("bc1") || kw.equals("tb1")) {
      if (bech32(v.toLowerCase(java.util.Locale.ROOT))
          && (v.equals(v.toLowerCase()) || v.equals(v.toUpperCase()))) {
        out.add(new Finding("CRYPTO_BTC_ADDRESS", start, stop, Confidence.HIGH, TAGS));
      }
    } else if (v.length() == 51 && base58Check(v, 0x80, 33)) {
      out.add(new Finding("CRYPTO_WIF_PRIVATE_KEY", start, stop, Confidence.HIGH, Tags.SECRET));
    } else if (v.length() == 52 && "KL".indexOf(v.charAt(0)) >= 0 && base58Check(v, 0x80, 33)) {
      out.add(new Finding("CRYPTO_WIF_PRIVATE_KEY", start, stop, Confidence.HIGH, Tags.SECRET));
    }
  }

  /** The first chars of legacy, script and testnet addresses the candidate path checks. */
  private static final String BTC_FIRST = "13mn2";

  private static final boolean[] BASE58 = new boolean[128];

  static {
    for (int i = 0; i < B58.length(); i++) {
      BASE58[B58.charAt(i)] = true;
    }
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1;
  }

  @Override
  public boolean examinesStartingWith(char first) {
    return BTC_FIRST.indexOf(first) >= 0;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    if (c.formatted() || BTC_FIRST.indexOf(text.charAt(c.start())) < 0) {
      return;
    }
    String v = text.text().substring(c.start(), c.end());
    if (base58Check(v, -1, 21)) {
      out.add(new Finding("CRYPTO_BTC_ADDRESS", c.start(), c.end(), Confidence.HIGH, TAGS));
    }
  }

  static boolean base58Check(String v, int version, int payloadLength) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch >= 128 || !BASE58[ch]) {
        return false; // hex ids hold a 0: rejected before any arithmetic
      }
    }
    byte[] bytes = base58(v);
    int len = bytes.length;
    if (len < payloadLength + 4 || len > payloadLength + 5) {
      return false;
    }
    if (version >= 0 && (bytes[0] & 0xff) != version) {
      return false;
    }
    if (version < 0 && !Set.of(0x00, 0x05, 0x6f, 0xc4).contains(bytes[0] & 0xff)
        || version < 0 && len != 25) {
      return false;
    }
    byte[] hash = sha256(sha256(Arrays.copyOf(bytes, len - 4)));
    return Arrays.equals(Arrays.copyOf(hash, 4), Arrays.copyOfRange(bytes, len - 4, len));
  }

  /**
   * The bytes {@code v}, of base58 chars only, spells: a zero byte for each leading {@code 1}, then
   * the number the rest spells, big-endian, without leading zero bytes (and a zero byte where it is
   * zero). The number is built a byte at a time, multiplied by 58 per char.
   */
  static byte[] base58(String v) {
    int ones = 0;
    while (ones < v.length() && v.charAt(ones) == '1') {
      ones++;
    }
    byte[] number = new byte[(v.length() - ones) * 733 / 1000 + 1]; // log 58 / log 256 < 0.733
    int size = 0; // the bytes in use, at the end of number
    for (int i = ones; i < v.length(); i++) {
      int carry = B58.indexOf(v.charAt(i));
      int k = number.length - 1;
      for (int j = 0; j < size || carry != 0; j++, k--) {
        carry += 58 * (number[k] & 0xFF);
        number[k] = (byte) carry;
        carry >>>= 8;
      }
      size = number.length - 1 - k;
    }
    byte[] bytes = new byte[ones + Math.max(size, 1)];
    System.arraycopy(number, number.length - size, bytes, bytes.length - size, size);
    return bytes;
  }

  static boolean bech32(String v) {
    int sep = v.lastIndexOf('1');
    if (sep < 1 || v.length() > 90 || v.length() - sep < 7) {
      return false;
    }
    String hrp = v.substring(0, sep);
    int[] data = new int[v.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      data[i] = BECH.indexOf(v.charAt(sep + 1 + i));
      if (data[i] < 0) {
        return false;
      }
    }
    int chk = 1;
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int[] values = new int[hrp.length() * 2 + 1 + data.length];
    int k = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c >> 5;
    }
    values[k++] = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c & 31;
    }
    System.arraycopy(data, 0, values, k, data.length);
    for (int value : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ value;
      for (int i = 0; i < 5; i++) {
        if ((top >>> i & 1) == 1) {
          chk ^= gen[i];
        }
      }
    }
    return chk == 1 || chk == 0x2bc830a3;
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
