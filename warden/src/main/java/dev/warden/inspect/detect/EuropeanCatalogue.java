package dev.warden.inspect.detect;

import static dev.warden.inspect.Confidence.HIGH;
import static dev.warden.inspect.Confidence.MEDIUM;
import static dev.warden.inspect.detect.NumberDetector.codes;
import static dev.warden.inspect.detect.NumberDetector.digits;
import static dev.warden.inspect.detect.Policy.ALONE;
import static dev.warden.inspect.detect.Policy.CONTEXT;
import static dev.warden.inspect.detect.Policy.FORMATTED;

import dev.warden.inspect.Detector;
import dev.warden.inspect.validate.EuropeanIds;
import java.util.List;
import java.util.Set;

/** European national identifiers, catalogue rows 46–58 (Belgium to Croatia), and passport MRZs. */
final class EuropeanCatalogue {
  private EuropeanCatalogue() {}

  private static final Set<String> eu = Tags.GDPR_SOC2;

  static List<Detector> all() {
    return java.util.stream.Stream.of(part4(), part5()).flatMap(List::stream).toList();
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
            "national register",
            "registre national",
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
            "fødselsnr",
            "fnr",
            "personnummer",
            "national identity number",
            "national id"),
        digits("DK_CPR", MEDIUM, eu, CONTEXT, "6-4|10", EuropeanIds::dkCpr, "cpr", "personnummer"),
        new HetuDetector(),
        new HetuDetector.Letters(),
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
            .startingWith("0123456789")
            .firstKinds("9999"),
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
