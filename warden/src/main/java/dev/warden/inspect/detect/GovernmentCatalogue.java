package dev.warden.inspect.detect;

import static dev.warden.inspect.Confidence.HIGH;
import static dev.warden.inspect.Confidence.LOW;
import static dev.warden.inspect.Confidence.MEDIUM;
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

/** Government and tax identifiers of the Americas and Europe, catalogue rows 25–59. */
final class GovernmentCatalogue {
  static final String VALUE = "^[^A-Za-z0-9]{1,16}";

  private GovernmentCatalogue() {}

  private static final Set<String> us = Set.of(Tags.GDPR, Tags.SOC2, "GLBA", Tags.HIPAA);
  private static final Set<String> eu = Tags.GDPR_SOC2;

  static List<Detector> all() {
    return java.util.stream.Stream.of(part1(), part2(), part3(), part4(), part5())
        .flatMap(List::stream)
        .toList();
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
            "tin"),
        afterWord(
            "US_DRIVER_LICENSE",
            LOW,
            Tags.ID,
            VALUE + "([A-Z]{1,2}[0-9]{5,13}|[0-9]{7,9})\\b",
            v -> true,
            "driver license",
            "driver's license",
            "drivers license",
            "driver_license",
            "driving license",
            "dl number",
            "license number",
            "license_number"),
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
            .startingWith(NumberDetector.LETTERS),
        digits(
            "UK_NHS_NUMBER",
            HIGH,
            Tags.HEALTH,
            FORMATTED,
            "3 3 4|3-3-4|10",
            EuropeanIds::nhs,
            "nhs"),
        afterWord(
            "UK_PASSPORT",
            LOW,
            eu,
            VALUE + "([0-9]{9}|[A-Z]{2}[0-9]{7})\\b",
            v -> true,
            "uk passport",
            "uk_passport",
            "passport no",
            "passport_no",
            "passport number",
            "passport_number"),
        afterWord(
            "US_PASSPORT",
            LOW,
            Tags.ID,
            VALUE + "([A-Z]?[0-9]{8,9})\\b",
            v -> v.length() == 9,
            "passport"));
  }

  private static List<Detector> part2() {
    return List.of(
        codes(
                "UK_DRIVING_LICENCE",
                MEDIUM,
                eu,
                ALONE,
                new int[] {16, 18},
                v ->
                    Shapes.matches(
                        v,
                        "[A-Z9]{5}[0-9][0-6][0-9][0-3][0-9]{2}[A-Z9]{2}[0-9][A-Z]{2}([0-9]{2})?"))
            .startingWith(NumberDetector.LETTERS + "9"),
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
            "canadian_passport",
            "ca passport",
            "ca_passport"),
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
            .startingWith("CFGHJKLMNPRTVWXYZ"),
        codes(
                "DE_SOCIAL_INSURANCE",
                MEDIUM,
                eu,
                CONTEXT,
                new int[] {12},
                v -> Shapes.matches(v, "[0-9]{2}[0-3][0-9][01][0-9]{3}[A-Z][0-9]{3}"),
                "sozialversicherung",
                "rentenversicherung",
                "svnr",
                "social insurance",
                "rvnr")
            .startingWith("0123456789"),
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
            .startingWith("0123456789"),
        codes(
                "ES_NIE",
                HIGH,
                eu,
                ALONE,
                new int[] {9},
                v -> Shapes.matches(v, "[XYZ][0-9]{7}[A-Z]") && EuropeanIds.esNie(v))
            .startingWith("XYZ"),
        codes("IT_CODICE_FISCALE", HIGH, eu, ALONE, new int[] {16}, EuropeanIds::itCodiceFiscale)
            .startingWith(NumberDetector.LETTERS),
        digits(
            "NL_BSN",
            HIGH,
            eu,
            CONTEXT,
            "9|4 2 3|3 3 3",
            EuropeanIds::nlBsn,
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "citizen service"));
  }

  private static List<Detector> part4() {
    return List.of(
        digits(
            "BE_NATIONAL_NUMBER",
            HIGH,
            eu,
            FORMATTED,
            "11|2.2.2.3.2",
            EuropeanIds::beNationalNumber,
            "rijksregister",
            "national number",
            "numéro national",
            "insz",
            "niss"),
        digits("PL_PESEL", HIGH, eu, CONTEXT, "11", EuropeanIds::plPesel, "pesel"),
        digits(
            "SE_PERSONNUMMER",
            HIGH,
            eu,
            FORMATTED,
            "6-4|8-4|10|12",
            EuropeanIds::sePersonnummer,
            "personnummer",
            "personal number",
            "samordningsnummer"),
        digits(
            "NO_FODSELSNUMMER",
            HIGH,
            eu,
            FORMATTED,
            "11|6 5",
            EuropeanIds::noFodselsnummer,
            "fødselsnummer",
            "fodselsnummer",
            "personnummer",
            "national identity number"),
        digits("DK_CPR", MEDIUM, eu, CONTEXT, "6-4|10", EuropeanIds::dkCpr, "cpr", "personnummer"),
        new HetuDetector(),
        digits(
            "AT_SVNR",
            MEDIUM,
            eu,
            CONTEXT,
            "10|4 6",
            EuropeanIds::atSvnr,
            "sozialversicherungsnummer",
            "svnr",
            "versicherungsnummer"),
        digits("CH_AHV", HIGH, Tags.with(eu, "FADP"), ALONE, "13|3.4.4.2", EuropeanIds::chAhv)
            .startingWith("7"), // 756, the Swiss prefix
        codes(
                "IE_PPSN",
                HIGH,
                eu,
                CONTEXT,
                new int[] {8, 9},
                EuropeanIds::iePpsn,
                "ppsn",
                "pps",
                "personal public service")
            .startingWith("0123456789"),
        digits(
            "PT_NIF",
            HIGH,
            eu,
            CONTEXT,
            "9|3 3 3",
            EuropeanIds::ptNif,
            "nif",
            "contribuinte",
            "número fiscal",
            "nipc"));
  }

  private static List<Detector> part5() {
    return List.of(
        digits(
            "RO_CNP",
            HIGH,
            eu,
            CONTEXT,
            "13",
            EuropeanIds::roCnp,
            "cnp",
            "cod numeric personal",
            "personal numeric code"),
        digits(
            "CZ_SK_BIRTH_NUMBER",
            HIGH,
            eu,
            FORMATTED,
            "6/4|6/3|10",
            EuropeanIds::czBirthNumber,
            "rodné číslo",
            "rodne cislo",
            "birth number",
            "rodné",
            "rc"),
        digits(
            "HR_OIB",
            HIGH,
            eu,
            CONTEXT,
            "11",
            dev.warden.inspect.validate.CheckDigits::mod11and10,
            "oib"),
        new MrzDetector());
  }
}
