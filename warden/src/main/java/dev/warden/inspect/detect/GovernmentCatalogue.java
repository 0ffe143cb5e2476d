package dev.warden.inspect.detect;

import static dev.warden.inspect.Confidence.HIGH;
import static dev.warden.inspect.Confidence.LOW;
import static dev.warden.inspect.Confidence.MEDIUM;
import static dev.warden.inspect.detect.Labels.VALUE;
import static dev.warden.inspect.detect.NumberDetector.codes;
import static dev.warden.inspect.detect.NumberDetector.digits;
import static dev.warden.inspect.detect.PatternDetector.afterWord;
import static dev.warden.inspect.detect.Policy.ALONE;
import static dev.warden.inspect.detect.Policy.CONTEXT;
import static dev.warden.inspect.detect.Policy.FORMATTED;

import dev.warden.inspect.Detector;
import dev.warden.inspect.validate.AmericanIds;
import dev.warden.inspect.validate.EuropeanIds;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Set;

/** Government and tax identifiers of the Americas, the UK and Western Europe, rows 25–45. */
final class GovernmentCatalogue {

  private GovernmentCatalogue() {}

  private static final Set<String> us = Set.of(Tags.GDPR, Tags.SOC2, "GLBA", Tags.HIPAA);
  private static final Set<String> eu = Tags.GDPR_SOC2;

  static List<Detector> all() {
    return java.util.stream.Stream.of(part1(), part2(), part3()).flatMap(List::stream).toList();
  }

  private static List<Detector> part1() {
    return List.of(
        digits(
            "US_SSN",
            MEDIUM,
            us,
            FORMATTED,
            "3-2-4|3 2 4|9",
            AmericanIds::ssn,
            "ssn",
            "social security",
            "social_security",
            "socialsecurity",
            "ss#",
            "ss_num"),
        digits(
            "US_ITIN",
            MEDIUM,
            us,
            FORMATTED,
            "3-2-4|9",
            AmericanIds::itin,
            "itin",
            "taxpayer identification",
            "taxpayer id",
            "tax id",
            "tin"),
        afterWord(
            "US_DRIVER_LICENSE",
            LOW,
            Tags.ID,
            // Florida and Wisconsin print theirs in dashed groups: S530-460-84-123-0
            VALUE + "([A-Z]{1,2}[0-9]{5,13}|[A-Z][0-9]{3}(?:-[0-9]{2,4}){2,4}|[0-9]{7,9})\\b",
            v -> true,
            "driver license",
            "driver's license",
            "drivers license",
            "driving license",
            "dl number",
            "dl no",
            "dl#"),
        codes(
                "UK_NINO",
                HIGH,
                eu,
                ALONE,
                new int[] {9},
                EuropeanIds::ukNino,
                "nino",
                "ni number",
                "ni_number",
                "national insurance")
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("AA99"),
        digits("UK_NHS_NUMBER", HIGH, Tags.HEALTH, FORMATTED, "3 3 4|10", EuropeanIds::nhs, "nhs"),
        // Dashed 3-3-4 is how US phone numbers are written; one in eleven passes the NHS check.
        digits("UK_NHS_NUMBER", HIGH, Tags.HEALTH, CONTEXT, "3-3-4", EuropeanIds::nhs, "nhs"),
        afterWord(
            "UK_PASSPORT",
            LOW,
            eu,
            VALUE + "([0-9]{9}|[A-Z]{2}[0-9]{7})\\b",
            v -> true,
            "uk passport",
            "british passport",
            "gb passport"),
        afterWord(
            "US_PASSPORT",
            LOW,
            Tags.ID,
            VALUE + "([A-Z]?[0-9]{8,9})\\b",
            v -> v.length() == 9,
            "passport"));
  }

  /** A UK driving licence number: surname, birth date, initials, check digit, issue number. */
  private static final String UK_DRIVING_LICENCE =
      "[A-Z9]{5}[0-9][0-6][0-9][0-3][0-9]{2}[A-Z9]{2}[0-9][A-Z]{2}([0-9]{2})?";

  private static List<Detector> part2() {
    return List.of(
        codes(
                "UK_DRIVING_LICENCE",
                MEDIUM,
                eu,
                ALONE,
                new int[] {16, 18},
                v -> Shapes.matches(v, UK_DRIVING_LICENCE))
            .startingWith(NumberDetector.LETTERS + "9")
            .head(Shapes.heads(UK_DRIVING_LICENCE)),
        digits(
            "UK_UTR",
            MEDIUM,
            eu,
            CONTEXT,
            "10|5 5",
            EuropeanIds::ukUtr,
            "utr",
            "unique taxpayer",
            "self assessment"),
        digits(
            "CA_SIN",
            HIGH,
            Tags.with(eu, "PIPEDA"),
            FORMATTED,
            "3-3-3|3 3 3|9",
            AmericanIds::caSin,
            "sin",
            "social insurance"),
        afterWord(
            "CA_HEALTH_OHIP",
            MEDIUM,
            Tags.HEALTH,
            VALUE + "([0-9]{4}[- ]?[0-9]{3}[- ]?[0-9]{3}(?:[- ]?[A-Z]{2})?)\\b",
            v ->
                dev.warden.inspect.validate.CheckDigits.luhn(
                    dev.warden.inspect.validate.CheckDigits.digitsOf(v)),
            "ohip",
            "health card",
            "ontario health"),
        afterWord(
            "CA_PASSPORT",
            LOW,
            eu,
            VALUE + "([A-Z]{2}[0-9]{6})\\b",
            v -> true,
            "canadian passport",
            "ca passport",
            // Two letters and six digits is no other country's passport: a bare label will do.
            "passport",
            "passeport",
            "pasaporte"),
        digits(
            "DE_STEUER_ID",
            HIGH,
            eu,
            FORMATTED,
            "11|2 3 3 3",
            EuropeanIds::deSteuerId,
            "steuer",
            "tax id",
            "idnr",
            "identifikationsnummer",
            "tin"));
  }

  private static List<Detector> part3() {
    return List.of(
        codes(
                "DE_ID_CARD",
                HIGH,
                eu,
                CONTEXT,
                new int[] {10},
                EuropeanIds::deIdCard,
                "personalausweis",
                "ausweis",
                "id card",
                "id_card",
                "identity card")
            .startingWith("CFGHJKLMNPRTVWXYZ")
            .firstKinds("A???"),
        codes(
                "DE_SOCIAL_INSURANCE",
                MEDIUM,
                eu,
                CONTEXT,
                new int[] {12},
                v -> Shapes.matches(v, "[0-9]{2}[0-3][0-9][01][0-9]{3}[A-Z][0-9]{3}"),
                SpacedSocialInsuranceDetector.LABELS)
            .startingWith("0123456789")
            .firstKinds("9999"),
        new SpacedSocialInsuranceDetector(),
        digits("FR_NIR", HIGH, eu, ALONE, "15|1 2 2 2 3 3 2", EuropeanIds::frNir),
        afterWord(
            "FR_PASSPORT",
            LOW,
            eu,
            VALUE + "([0-9]{2}[A-Z]{2}[0-9]{5})\\b",
            v -> true,
            "passeport",
            "passport"),
        codes(
                "ES_DNI_NIF",
                HIGH,
                eu,
                ALONE,
                new int[] {9},
                v -> Shapes.matches(v, "[0-9]{8}[A-Z]") && EuropeanIds.esDni(v))
            .startingWith("0123456789")
            .firstKinds("9999"),
        codes(
                "ES_NIE",
                HIGH,
                eu,
                ALONE,
                new int[] {9},
                v -> Shapes.matches(v, "[XYZ][0-9]{7}[A-Z]") && EuropeanIds.esNie(v))
            .startingWith("XYZ")
            .firstKinds("A999"),
        new SpanishIdDetector(),
        codes("IT_CODICE_FISCALE", HIGH, eu, ALONE, new int[] {16}, EuropeanIds::itCodiceFiscale)
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("AAAA"),
        digits(
            "NL_BSN",
            HIGH,
            eu,
            CONTEXT,
            "9|4 2 3|3 3 3|4.2.3",
            EuropeanIds::nlBsn,
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "citizen service"));
  }
}
