package dev.warden.inspect.detect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Context words as labels are really written. A label of several words appears in prose ({@code
 * driver license}), as a snake-case, kebab-case or camel-case key ({@code driver_license}, {@code
 * driver-license}, {@code driverLicenseNumber}) or a glued header ({@code DRIVERLICENSE}); keyword
 * matching ignores case, so the four spellings below cover them all. Single words are kept as they
 * are.
 */
final class Words {
  private static final String SEPARATORS = " _-";

  private Words() {}

  /** {@code words} with every multi-word label also joined by {@code _}, {@code -} and nothing. */
  static Set<String> variants(String... words) {
    Set<String> all = new LinkedHashSet<>();
    for (String w : words) {
      all.add(w);
      String[] parts = w.split("[ _-]");
      if (parts.length < 2 || !lettersOnly(parts)) {
        continue;
      }
      for (int i = 0; i < SEPARATORS.length(); i++) {
        all.add(String.join(String.valueOf(SEPARATORS.charAt(i)), parts));
      }
      all.add(String.join("", parts));
    }
    return all;
  }

  /** {@link #variants} as a list, for keyword lists. */
  static List<String> variantList(String... words) {
    return List.copyOf(variants(words));
  }

  private static boolean lettersOnly(String[] parts) {
    for (String p : parts) {
      if (p.isEmpty()) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (!Character.isLetter(p.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }
}
