package dev.warden.inspect.detect;

import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.Head;
import dev.warden.inspect.ScanText;
import dev.warden.inspect.validate.CheckDigits;
import dev.warden.inspect.validate.EuropeanIds;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * EU VAT numbers: country prefix and national format. Reported alone where the national check
 * digits are verified (DE, IT, NL, BE, PL, PT, FR, ES), otherwise only beside a VAT word.
 */
final class VatDetector implements Detector {
  private static final Set<String> CONTEXT =
      Set.copyOf(
          Words.variants(
              "vat",
              "ust-id",
              "ustid",
              "umsatzsteuer",
              "tva",
              "iva",
              "btw",
              "mwst",
              "moms",
              "tax number",
              "nip",
              "cif"));

  /** Per country code, the shape of the number after it. */
  static final Map<String, String> FORMAT_EXPRESSIONS =
      Map.ofEntries(
          Map.entry("AT", "U[0-9]{8}"),
          Map.entry("BE", "[01][0-9]{9}"),
          Map.entry("BG", "[0-9]{9,10}"),
          Map.entry("CY", "[0-9]{8}[A-Z]"),
          Map.entry("CZ", "[0-9]{8,10}"),
          Map.entry("DE", "[0-9]{9}"),
          Map.entry("DK", "[0-9]{8}"),
          Map.entry("EE", "[0-9]{9}"),
          Map.entry("EL", "[0-9]{9}"),
          Map.entry("ES", "[0-9A-Z][0-9]{7}[0-9A-Z]"),
          Map.entry("FI", "[0-9]{8}"),
          Map.entry("FR", "[0-9A-Z]{2}[0-9]{9}"),
          Map.entry("HR", "[0-9]{11}"),
          Map.entry("HU", "[0-9]{8}"),
          Map.entry("IE", "[0-9][0-9A-Z+*][0-9]{5}[A-Z]{1,2}"),
          Map.entry("IT", "[0-9]{11}"),
          Map.entry("LT", "[0-9]{9}|[0-9]{12}"),
          Map.entry("LU", "[0-9]{8}"),
          Map.entry("LV", "[0-9]{11}"),
          Map.entry("MT", "[0-9]{8}"),
          Map.entry("NL", "[0-9]{9}B[0-9]{2}"),
          Map.entry("PL", "[0-9]{10}"),
          Map.entry("PT", "[0-9]{9}"),
          Map.entry("RO", "[0-9]{2,10}"),
          Map.entry("SE", "[0-9]{10}01"),
          Map.entry("SI", "[0-9]{8}"),
          Map.entry("SK", "[0-9]{10}"));

  /** {@link #FORMAT_EXPRESSIONS} matched a char class at a time ({@link Shapes}). */
  private static final Map<String, Predicate<CharSequence>> FORMATS =
      FORMAT_EXPRESSIONS.entrySet().stream()
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  Map.Entry::getKey, e -> Shapes.compile(e.getValue())));

  /** {@link #FORMATS} by country code ({@link Iban#country}). */
  @SuppressWarnings("unchecked")
  private static final Predicate<CharSequence>[] BY_CODE = new Predicate[26 * 26];

  /** {@link #FORMAT_EXPRESSIONS}' tests of a number's first chars, by country code. */
  private static final Shapes.HeadTest[] HEADS = new Shapes.HeadTest[26 * 26];

  static {
    FORMATS.forEach((code, f) -> BY_CODE[Iban.country(code.charAt(0), code.charAt(1))] = f);
    FORMAT_EXPRESSIONS.forEach(
        (code, e) -> HEADS[Iban.country(code.charAt(0), code.charAt(1))] = Shapes.heads(e));
  }

  @Override
  public List<String> types() {
    return List.of("EU_VAT");
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(CONTEXT);
  }

  @Override
  public boolean digitCandidates() {
    return false;
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {6, 8, 9, 10, 11, 12, 13, 14};
  }

  @Override
  public boolean examinesShape(int[] groups, char separator) {
    return groups.length <= 2;
  }

  @Override
  public boolean examinesStartingWith(char first) {
    return Character.isLetter(first); // a country code first
  }

  @Override
  public boolean examinesLetters(int letters) {
    return (letters & 0b11) == 0b11; // both chars of the country code
  }

  /**
   * A VAT number starts with the code of a country that has a format here, then the first chars of
   * that format, in its length (a Belgian number of four digits may go on in dotted groups).
   */
  @Override
  public boolean examinesHead(long head, int known, int length) {
    if (known < 2) {
      return true;
    }
    char a = Head.at(head, 0);
    char b = Head.at(head, 1);
    if (!Iban.upper(a) || !Iban.upper(b)) {
      return false;
    }
    int code = Iban.country(a, b);
    if (HEADS[code] == null) {
      return false;
    }
    return (code == Iban.country('B', 'E') && length == 6)
        || HEADS[code].mayStart(head >>> 16, known - 2, length - 2);
  }

  @Override
  public boolean readsHead() {
    return true;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    String s = c.compact();
    if (c.groups().length > 2 || !Iban.upper(s.charAt(0)) || !Iban.upper(s.charAt(1))) {
      return; // the compact form is upper-cased ASCII: a country code is two of A-Z
    }
    if (c.formatted() && !Character.isUpperCase(text.charAt(c.start()))) {
      return; // "es 12345678Z" is Spanish prose before a DNI; a country code is in capitals
    }
    Predicate<CharSequence> format = BY_CODE[Iban.country(s.charAt(0), s.charAt(1))];
    if (format == null) {
      return; // no EU country's code: most codes starting with two letters
    }
    String country = s.substring(0, 2);
    String body = s.substring(2);
    int end = c.end();
    if (country.equals("BE") && body.length() == 4 && dotted(text, end)) {
      body += text.text().substring(end + 1, end + 4) + text.text().substring(end + 5, end + 8);
      end += 8; // BE 0123.456.789, as invoices print it
    }
    if (!format.test(body)) {
      return;
    }
    boolean checked = checked(country, body);
    if (checked) {
      out.add(new Finding("EU_VAT", c.start(), end, Confidence.HIGH, Tags.GDPR_SOC2));
    } else if (text.near(CONTEXT, c.start(), end) && !hasCheck(country)) {
      out.add(new Finding("EU_VAT", c.start(), end, Confidence.MEDIUM, Tags.GDPR_SOC2));
    }
  }

  /** Whether {@code .ddd.ddd} follows at {@code end}, then no more digits. */
  private static boolean dotted(ScanText text, int end) {
    if (end + 8 > text.length() || text.charAt(end) != '.' || text.charAt(end + 4) != '.') {
      return false;
    }
    for (int i : new int[] {1, 2, 3, 5, 6, 7}) {
      if (!Character.isDigit(text.charAt(end + i))) {
        return false;
      }
    }
    return end + 8 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 8));
  }

  /** A Spanish VAT number: a DNI, a NIE or a company's CIF, each with its own check. */
  private static boolean spanish(String b) {
    char first = b.charAt(0);
    if (Character.isDigit(first)) {
      return Character.isLetter(b.charAt(8)) && EuropeanIds.esDni(b);
    }
    if ("XYZ".indexOf(first) >= 0) {
      return Character.isLetter(b.charAt(8)) && EuropeanIds.esNie(b);
    }
    if ("ABCDEFGHJNPQRSUVW".indexOf(first) < 0) {
      return false;
    }
    int sum = 0;
    for (int i = 1; i <= 7; i++) {
      int d = b.charAt(i) - '0';
      sum += i % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
    }
    int check = (10 - sum % 10) % 10;
    char control = b.charAt(8);
    return control == (char) ('0' + check) || control == "JABCDEFGHI".charAt(check);
  }

  private static boolean hasCheck(String country) {
    return Set.of("DE", "IT", "NL", "BE", "PL", "PT", "FR", "ES").contains(country);
  }

  private static boolean checked(String country, String b) {
    return switch (country) {
      case "DE" -> CheckDigits.mod11and10(b);
      case "IT" -> CheckDigits.luhn(b);
      case "NL" -> EuropeanIds.nlBsn(b.substring(0, 9)) || CheckDigits.mod97("NL" + b) == 1;
      case "BE" -> 97 - Long.parseLong(b.substring(0, 8)) % 97 == Long.parseLong(b.substring(8));
      case "PL" -> CheckDigits.weighted(b, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == b.charAt(9) - '0';
      case "PT" -> EuropeanIds.ptNif(b);
      case "FR" ->
          Character.isDigit(b.charAt(0))
              && Character.isDigit(b.charAt(1))
              && (12 + 3 * (Long.parseLong(b.substring(2)) % 97)) % 97
                  == Long.parseLong(b.substring(0, 2));
      case "ES" -> spanish(b);
      default -> false;
    };
  }
}
