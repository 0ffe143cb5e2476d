package dev.warden.inspect.detect;

import static dev.warden.inspect.detect.Labels.VALUE;

import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two letters and seven digits under a bare passport label: British, Japanese and Australian
 * passports all look so. Reported as British, the catalogue's first, unless the label names another
 * country ({@code Japanese passport}, {@code au_passport}), whose own detector reports it then.
 */
final class PassportFallback implements Detector {
  private static final Set<String> COUNTRIES =
      Set.of(
          "japanese",
          "japan",
          "jp",
          "jpn",
          "australian",
          "australia",
          "au",
          "aus",
          "indian",
          "india",
          "in",
          "ind",
          "canadian",
          "canada",
          "ca",
          "can",
          "us",
          "usa",
          "american",
          "french",
          "france",
          "fr");

  private final PatternDetector generic =
      PatternDetector.afterWord(
          "UK_PASSPORT",
          Confidence.LOW,
          Tags.GDPR_SOC2,
          VALUE + "([A-Z]{2}[0-9]{7})\\b",
          v -> true,
          "passport");

  @Override
  public List<String> types() {
    return generic.types();
  }

  @Override
  public List<String> keywords() {
    return generic.keywords();
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    if (!namesACountry(text.text(), start)) {
      generic.atKeyword(text, start, end, out);
    }
  }

  /** Whether the word before the label is a country's: glued by _ - or a space, or camel-case. */
  private static boolean namesACountry(String s, int start) {
    int i = start;
    if (i > 0 && "_- ".indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    int wordEnd = i;
    while (i > 0 && wordEnd - i < 12 && Character.isLetter(s.charAt(i - 1))) {
      i--;
    }
    return wordEnd > i && COUNTRIES.contains(s.substring(i, wordEnd).toLowerCase(Locale.ROOT));
  }
}
