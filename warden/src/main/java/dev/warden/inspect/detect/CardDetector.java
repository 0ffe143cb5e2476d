package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.CheckDigits;
import java.util.List;
import java.util.Set;

/**
 * Payment card numbers by brand: the longest matching IIN range decides the brand, the length must
 * fit it and Luhn must pass. UnionPay numbers failing Luhn count only beside a card word.
 */
final class CardDetector implements Detector {
  private static final Set<String> CONTEXT =
      Set.copyOf(
          Words.variants(
              "card",
              "credit",
              "debit",
              "pan",
              "visa",
              "mastercard",
              "amex",
              "unionpay",
              "cc_num",
              "kreditkarte",
              "karte",
              "carte",
              "tarjeta",
              "carta",
              "cartão",
              "kaart",
              "カード",
              "银联",
              "карты"));

  /**
   * Brand, IIN low, IIN high (same number of digits), min length, max length. Longest IIN wins.
   * {@code digits} is the IIN's length.
   */
  private record Range(String type, int low, int high, int min, int max, int digits) {
    Range(String type, int low, int high, int min, int max) {
      this(type, low, high, min, max, Integer.toString(low).length());
    }
  }

  private static final Range[] RANGES = {
    new Range("CARD_DISCOVER", 622126, 622925, 16, 19),
    new Range("CARD_MIR", 2200, 2204, 16, 19),
    new Range("CARD_MASTERCARD", 2221, 2720, 16, 16),
    new Range("CARD_JCB", 3528, 3589, 16, 19),
    new Range("CARD_DINERS", 3095, 3095, 14, 19),
    new Range("CARD_DISCOVER", 6011, 6011, 16, 19),
    new Range("CARD_MAESTRO", 5018, 5018, 12, 19),
    new Range("CARD_MAESTRO", 5020, 5020, 12, 19),
    new Range("CARD_MAESTRO", 5038, 5038, 12, 19),
    new Range("CARD_MAESTRO", 5893, 5893, 12, 19),
    new Range("CARD_MAESTRO", 6304, 6304, 12, 19),
    new Range("CARD_MAESTRO", 6759, 6759, 12, 19),
    new Range("CARD_MAESTRO", 6761, 6763, 12, 19),
    new Range("CARD_RUPAY", 508, 508, 16, 16),
    new Range("CARD_DINERS", 300, 305, 14, 19),
    new Range("CARD_DISCOVER", 644, 649, 16, 19),
    new Range("CARD_AMEX", 34, 34, 15, 15),
    new Range("CARD_AMEX", 37, 37, 15, 15),
    new Range("CARD_DINERS", 36, 36, 14, 19),
    new Range("CARD_DINERS", 38, 39, 14, 19),
    new Range("CARD_MASTERCARD", 51, 55, 16, 16),
    new Range("CARD_DISCOVER", 65, 65, 16, 19),
    new Range("CARD_UNIONPAY", 62, 62, 16, 19),
    new Range("CARD_UNIONPAY", 81, 81, 16, 19),
    new Range("CARD_RUPAY", 60, 60, 16, 16),
    new Range("CARD_RUPAY", 82, 82, 16, 16),
    new Range("CARD_VISA", 4, 4, 13, 19)
  };

  @Override
  public List<String> types() {
    return java.util.Arrays.stream(RANGES).map(Range::type).distinct().toList();
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(CONTEXT);
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {12, 13, 14, 15, 16, 17, 18, 19};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length == 1 || groupedLikeACard(groups, separator);
  }

  @Override
  public boolean needsContext(int[] groups, char separator) {
    return groups.length == 1 && groups[0] <= 13; // bare 12- and 13-digit codes, as examine says
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    String pan = c.compact();
    if (c.formatted() && !groupedLikeACard(c.groups(), c.separator())) {
      return;
    }
    Range brand = brand(pan);
    if (brand == null || pan.length() < brand.min() || pan.length() > brand.max()) {
      return;
    }
    if (brand.type().equals("CARD_VISA") && pan.length() % 3 != 1) {
      return; // Visa PANs are 13, 16 or 19 digits; a 15-digit Luhn number is an IMEI
    }
    if (!c.formatted() && pan.length() <= 13 && !text.near(CONTEXT, c.start(), c.end())) {
      return; // 12- and 13-digit codes are mostly EAN barcodes and timestamps
    }
    if (pan.length() == 19 && CheckDigits.allSame(pan.substring(1))) {
      return;
    }
    if (CheckDigits.luhn(pan)) {
      out.add(new Finding(brand.type(), c.start(), c.end(), Confidence.HIGH, Tags.PCI_GDPR_SOC2));
    } else if (brand.type().equals("CARD_UNIONPAY") && text.near(CONTEXT, c.start(), c.end())) {
      out.add(new Finding(brand.type(), c.start(), c.end(), Confidence.MEDIUM, Tags.PCI_GDPR_SOC2));
    }
  }

  private static boolean groupedLikeACard(int[] groups, char separator) {
    if (separator == '.') {
      return groups.length == 4
          && groups[0] == 4
          && groups[1] == 4
          && groups[2] == 4
          && groups[3] == 4;
    }
    if (separator != ' ' && separator != '-') {
      return false;
    }
    for (int g : groups) {
      if (g < 3 || g > 6) {
        return false;
      }
    }
    return true;
  }

  /** The range of {@code pan}, which has at least 12 digits (its candidates do), or null. */
  private static Range brand(String pan) {
    int six = Integer.parseInt(pan, 0, 6, 10);
    for (Range r : RANGES) {
      // Divisions by constants, which compile to multiplications.
      int prefix =
          switch (r.digits()) {
            case 1 -> six / 100_000;
            case 2 -> six / 10_000;
            case 3 -> six / 1000;
            case 4 -> six / 100;
            case 5 -> six / 10;
            default -> six;
          };
      if (prefix >= r.low() && prefix <= r.high()) {
        return r;
      }
    }
    return null;
  }
}
