package dev.warden.inspect.detect;

import static dev.warden.inspect.Confidence.HIGH;
import static dev.warden.inspect.Confidence.LOW;
import static dev.warden.inspect.Confidence.MEDIUM;
import static dev.warden.inspect.detect.Labels.VALUE;
import static dev.warden.inspect.detect.PatternDetector.afterWord;
import static dev.warden.inspect.detect.PatternDetector.anchored;

import dev.warden.inspect.Detector;
import dev.warden.inspect.validate.AmericanIds;
import dev.warden.inspect.validate.CheckDigits;
import java.util.List;
import java.util.Set;

/** Payment and financial types, catalogue rows 1–24. */
final class PaymentCatalogue {
  private static final String AFTER = "[^A-Za-z0-9]{1,12}";
  private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

  private PaymentCatalogue() {}

  private static final Set<String> glba = Tags.with(Tags.SOC2_ONLY, "GLBA");

  static List<Detector> all() {
    return java.util.stream.Stream.of(part1(), part2()).flatMap(List::stream).toList();
  }

  private static List<Detector> part1() {
    return List.of(
        new CardDetector(),
        anchored(
                "CARD_TRACK1",
                HIGH,
                Tags.PCI_ONLY,
                "%B[0-9]{12,19}\\^[^^]{2,26}\\^[0-9]{7}[^?]{0,80}\\?",
                "%b")
            .window(0, 200)
            .validated(v -> CheckDigits.luhn(v.substring(2, v.indexOf('^')))),
        anchored("CARD_TRACK2", HIGH, Tags.PCI_ONLY, ";[0-9]{12,19}=[0-9]{7}[0-9]{0,40}\\?", ";")
            .window(0, 80)
            .validated(v -> CheckDigits.luhn(v.substring(1, v.indexOf('=')))),
        afterWord(
            "CARD_CVV",
            LOW,
            Tags.PCI_ONLY,
            VALUE + "([0-9]{3,4})\\b",
            v -> true,
            "cvv",
            "cvc",
            "cvv2",
            "cvc2",
            "cid",
            "security code",
            "security_code",
            "card_code"),
        afterWord(
            "CARD_EXPIRY",
            LOW,
            Tags.PCI_ONLY,
            VALUE + "((?:0[1-9]|1[0-2]) ?/ ?(?:20)?[0-9]{2})\\b",
            v -> true,
            "exp",
            "expiry",
            "expiration",
            "exp date",
            "valid thru",
            "valid until",
            "expires",
            "gültig bis",
            "ablaufdatum",
            "date d'expiration",
            "vencimiento",
            "scadenza"),
        NumberDetector.codes(
                "IBAN",
                HIGH,
                Tags.with(Tags.GDPR_SOC2, Tags.PCI),
                Policy.ALONE,
                Iban.lengths(),
                Iban::valid)
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("AA99")
            .head(Iban::head),
        afterWord(
            "SWIFT_BIC",
            MEDIUM,
            Tags.GDPR_SOC2,
            VALUE + "([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\\b",
            v -> COUNTRIES.contains(v.substring(4, 6)),
            "swift",
            "bic",
            "swift_code",
            "bic_code"),
        NumberDetector.digits(
            "US_ABA_ROUTING",
            HIGH,
            glba,
            Policy.CONTEXT,
            "9",
            AmericanIds::aba,
            "routing",
            "aba",
            "rtn",
            "transit number"));
  }

  private static List<Detector> part2() {
    return List.of(
        afterWord(
            "US_BANK_ACCOUNT",
            LOW,
            Tags.with(Tags.GDPR_SOC2, "GLBA"),
            VALUE + "([0-9]{8,17})\\b",
            v -> !CheckDigits.allSame(v),
            "account number",
            "acct",
            "account no",
            "bank account",
            "acct no",
            "savings account",
            "checking account",
            "chequing account",
            "current account"),
        afterWord(
            "CA_BANK_TRANSIT",
            LOW,
            Tags.with(Tags.SOC2_ONLY, "PIPEDA"),
            VALUE + "([0-9]{5}-[0-9]{3}|0[0-9]{3} ?[0-9]{5})\\b",
            v -> true,
            "transit",
            "institution"),
        anchored(
                "UK_SORT_CODE_ACCOUNT",
                MEDIUM,
                Tags.GDPR_SOC2,
                // the account may follow, or stand under its own key further on
                "\\b[0-9]{2}-?[0-9]{2}-?[0-9]{2}(?:[^A-Za-z0-9]{1,24}(?:[A-Za-z ]{0,20}[^A-Za-z0-9]{1,4})?[0-9]{8})?\\b",
                "sort code",
                "sort_code",
                "sortcode")
            .window(0, 80),
        new SortCodeDetector(),
        afterWord(
            "AU_BSB_ACCOUNT",
            LOW,
            Tags.with(Tags.SOC2_ONLY, "AU Privacy Act"),
            VALUE
                + "([0-9]{3}-?[0-9]{3}(?:[^A-Za-z0-9]{1,20}(?:account[^0-9]{0,12})?[0-9]{6,10})?)\\b",
            v -> true,
            "bsb"),
        afterWord(
            "IN_IFSC",
            MEDIUM,
            Tags.with(Tags.SOC2_ONLY, "DPDP"),
            VALUE + "((?i:[A-Z]{4}0[A-Z0-9]{6}))\\b",
            v -> true,
            "ifsc"),
        afterWord(
            "US_EIN",
            MEDIUM,
            glba,
            VALUE + "([0-9]{2}-?[0-9]{7})\\b",
            // undashed, a value shaped like an ITIN (9NN-7N-NNNN) is read as one
            v -> AmericanIds.ein(v.replace("-", "")) && (v.contains("-") || !AmericanIds.itin(v)),
            "ein",
            "employer identification",
            "fein",
            "tax id",
            "tax_id",
            "taxid"),
        new VatDetector());
  }
}
