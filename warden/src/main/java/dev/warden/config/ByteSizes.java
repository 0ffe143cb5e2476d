package dev.warden.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes as the configuration writes them: plain bytes or a KiB/MiB/GiB/KB/MB/GB suffix. */
final class ByteSizes {
  static final String FORMS =
      "expected a whole number of bytes, optionally with KiB, MiB, GiB, KB, MB or GB, such as 4MiB";
  private static final Pattern FORM =
      Pattern.compile("(\\d{1,18})\\s*(KiB|MiB|GiB|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

  private ByteSizes() {}

  /**
   * The positive number of bytes {@code text} stands for.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static long parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(FORMS);
    }
    long amount = Long.parseLong(m.group(1));
    if (amount == 0) {
      throw new IllegalArgumentException("must be greater than zero");
    }
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    long multiplier =
        switch (unit) {
          case "kib" -> 1L << 10;
          case "mib" -> 1L << 20;
          case "gib" -> 1L << 30;
          case "kb" -> 1_000L;
          case "mb" -> 1_000_000L;
          case "gb" -> 1_000_000_000L;
          default -> 1L;
        };
    try {
      return Math.multiplyExact(amount, multiplier);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too large");
    }
  }
}
