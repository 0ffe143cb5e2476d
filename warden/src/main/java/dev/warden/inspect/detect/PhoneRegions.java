package dev.warden.inspect.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.Collections;

/**
 * Whether a bare digit run is a valid phone number of one of the regions Warden tries, asking
 * libphonenumber (~10 µs a question) only where it can say yes: a region whose numbers are all
 * longer than the run is skipped, and the last answers (of the loop, and of single regions for
 * numbers written with {@code +} or a parenthesis) are kept in a small bounded cache, since tool
 * results repeat the same ids and numbers. The cache holds a 128-bit fingerprint of each number
 * (seeded per process), never the digits, so a heap dump does not list recent phone numbers.
 * Thread-safe.
 */
final class PhoneRegions {
  static final String[] REGIONS = {"US", "GB", "DE", "FR", "IN", "AU", "BR", "ES", "IT"};
  private static final int CACHE_SIZE = 1024; // a power of two

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final int[] shortest = new int[REGIONS.length];
  private final Answer[] cache;

  /**
   * One cached answer: {@code question} a region, or {@link #ANY} or {@link #ANY_GROUPED} for the
   * region loop. Immutable, so a racing reader sees a whole one or another one.
   */
  private record Answer(long high, long low, String question, boolean valid) {}

  private static final long SEED_HIGH = new java.security.SecureRandom().nextLong();
  private static final long SEED_LOW = new java.security.SecureRandom().nextLong();

  private static final String ANY = "*";
  private static final String ANY_GROUPED = "*3-3-4";

  PhoneRegions(boolean cached) {
    this.cache = new Answer[cached ? CACHE_SIZE : 0];
    for (int r = 0; r < REGIONS.length; r++) {
      shortest[r] = shortestNationalNumber(REGIONS[r]);
    }
  }

  /**
   * Whether {@code digits} is valid in one of {@link #REGIONS}, tried in order; a number {@code
   * grouped} 3-3-4 not starting with 0 is North American or nothing.
   */
  boolean valid(String digits, boolean grouped) {
    return answer(digits, grouped ? ANY_GROUPED : ANY);
  }

  /** Whether {@code number} is valid read with {@code region} as its default region. */
  boolean validIn(String number, String region) {
    return answer(number, region);
  }

  private boolean answer(String digits, String question) {
    if (cache.length == 0) {
      return ask(digits, question);
    }
    long high = fingerprint(digits, SEED_HIGH);
    long low = fingerprint(digits, SEED_LOW);
    int slot = (int) (high ^ question.hashCode()) & (cache.length - 1);
    Answer a = cache[slot];
    if (a != null && a.high == high && a.low == low && a.question.equals(question)) {
      return a.valid;
    }
    boolean valid = ask(digits, question);
    cache[slot] = new Answer(high, low, question, valid);
    return valid;
  }

  /**
   * A 64-bit hash of {@code s} mixed from {@code seed}: the chars four at a time as one long, each
   * block mixed in with the splitmix64 finaliser.
   */
  static long fingerprint(String s, long seed) {
    int n = s.length();
    long h = seed ^ n;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long block =
          s.charAt(i)
              | (long) s.charAt(i + 1) << 16
              | (long) s.charAt(i + 2) << 32
              | (long) s.charAt(i + 3) << 48;
      h = mix(h + block * 0x9E3779B97F4A7C15L);
    }
    long tail = 0;
    for (; i < n; i++) {
      tail = tail << 16 | s.charAt(i);
    }
    return mix(h + tail * 0x9E3779B97F4A7C15L);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private boolean ask(String digits, String question) {
    return switch (question) {
      case ANY -> lookUp(digits, false);
      case ANY_GROUPED -> lookUp(digits, true);
      default -> valid(digits, question);
    };
  }

  /** The region loop itself, without the cache but with the length cut. */
  boolean lookUp(String digits, boolean grouped) {
    boolean noPrefix = !digits.startsWith("0");
    for (int r = 0; r < REGIONS.length; r++) {
      if (!(noPrefix && digits.length() < shortest[r]) && valid(digits, REGIONS[r])) {
        return true;
      }
      if (grouped && noPrefix) {
        return false;
      }
    }
    return false;
  }

  /** The region loop as libphonenumber answers it, every region asked: the reference. */
  boolean straightforward(String digits, boolean grouped) {
    for (String region : REGIONS) {
      if (valid(digits, region)) {
        return true;
      }
      if (grouped && !digits.startsWith("0")) {
        return false;
      }
    }
    return false;
  }

  boolean valid(String number, String region) {
    try {
      return util.isValidNumber(util.parse(number, region));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /**
   * The fewest digits a valid number read with {@code region} as its default has, for a run not
   * starting with 0; 0 where that cannot be told. Parsing such a run with the region's rules only
   * strips digits (a national prefix, the country code): it cannot start with an international
   * prefix that starts with 0, so the number stays under the region's country code, and a region
   * whose prefix rules may insert digits is not cut. The number is then valid where it is valid in
   * any region sharing that code (a 7-digit {@code 310 0000} read in the US is a valid Canadian
   * number), so the cut is the shortest length those regions' metadata list.
   */
  static int shortestNationalNumber(String region) {
    PhoneMetadata m = metadata(region);
    if (m == null
        || !m.getInternationalPrefix().matches("0[0-9]*")
        || !m.getNationalPrefixTransformRule().isEmpty()) {
      return 0;
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    int shortest = Integer.MAX_VALUE;
    for (String sharing : util.getRegionCodesForCountryCode(m.getCountryCode())) {
      PhoneMetadata other = metadata(sharing);
      if (other == null || other.getGeneralDesc().getPossibleLengthList().isEmpty()) {
        return 0;
      }
      shortest =
          Math.min(shortest, Collections.min(other.getGeneralDesc().getPossibleLengthList()));
    }
    return shortest == Integer.MAX_VALUE ? 0 : shortest;
  }

  private static PhoneMetadata metadata(String region) {
    return DefaultMetadataDependenciesProvider.getInstance()
        .getPhoneNumberMetadataSource()
        .getMetadataForRegion(region);
  }
}
