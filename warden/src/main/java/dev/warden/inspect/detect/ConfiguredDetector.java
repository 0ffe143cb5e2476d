package dev.warden.inspect.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.warden.config.DetectorConfig;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.CheckDigits;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A detector from the {@code detectors:} section of the configuration: an RE2 pattern run over the
 * whole text, or a dictionary of whole words found by the engine's keyword pass; optionally a check
 * digit over the match's digits and context words that must stand near it. Reports its id as type.
 */
public final class ConfiguredDetector implements Detector {
  private final DetectorConfig config;
  private final Pattern pattern;
  private final Set<String> context;
  private final Confidence confidence;
  private final Set<String> frameworks;

  private ConfiguredDetector(DetectorConfig config) {
    this.config = config;
    this.pattern =
        config.kind() == DetectorConfig.Kind.REGEX ? Pattern.compile(config.pattern()) : null;
    this.context = Set.copyOf(config.context());
    this.confidence = Confidence.valueOf(config.confidence().name());
    this.frameworks = Set.copyOf(config.frameworks());
  }

  /** The detectors of a configuration, in its order. */
  public static List<Detector> from(List<DetectorConfig> configs) {
    return configs.stream().<Detector>map(ConfiguredDetector::new).toList();
  }

  @Override
  public List<String> types() {
    return List.of(config.id());
  }

  @Override
  public List<String> keywords() {
    return pattern == null ? config.words() : List.of();
  }

  @Override
  public List<String> contextWords() {
    return config.context();
  }

  @Override
  public boolean wholeText() {
    return pattern != null;
  }

  @Override
  public void scanText(ScanText text, List<Finding> out) {
    Matcher m = pattern.matcher(text.text());
    while (m.find()) {
      if (m.end() > m.start()) {
        report(text, m.start(), m.end(), out);
      }
    }
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    boolean wordBefore = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
    boolean wordAfter = end < text.length() && Character.isLetterOrDigit(text.charAt(end));
    if (!wordBefore && !wordAfter) {
      report(text, start, end, out);
    }
  }

  private void report(ScanText text, int start, int end, List<Finding> out) {
    if (!context.isEmpty() && !text.near(context, start, end)) {
      return;
    }
    if (valid(text.text().substring(start, end))) {
      out.add(new Finding(config.id(), start, end, confidence, frameworks));
    }
  }

  private boolean valid(String value) {
    String digits = CheckDigits.digitsOf(value);
    return switch (config.validator()) {
      case NONE -> true;
      case LUHN -> digits.length() >= 2 && CheckDigits.luhn(digits);
      case VERHOEFF -> digits.length() >= 2 && CheckDigits.verhoeff(digits);
      case MOD97 -> {
        String alnum = value.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        yield alnum.length() >= 3 && CheckDigits.mod97(alnum) == 1;
      }
    };
  }
}
