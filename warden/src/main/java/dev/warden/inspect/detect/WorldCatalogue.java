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
import dev.warden.inspect.Head;
import dev.warden.inspect.validate.AmericanIds;
import dev.warden.inspect.validate.AsiaPacificIds;
import dev.warden.inspect.validate.CheckDigits;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Set;

/** Identifiers of Oceania, Asia, Latin America, the Middle East and Africa, rows 60–92. */
final class WorldCatalogue {
  private WorldCatalogue() {}

  private static final Set<String> au = Tags.with(Tags.SOC2_ONLY, "AU Privacy Act");
  private static final Set<String> soc = Tags.GDPR_SOC2;

  static List<Detector> all() {
    return java.util.stream.Stream.of(part1(), part2(), part3(), part4())
        .flatMap(List::stream)
        .toList();
  }

  private static List<Detector> part1() {
    return List.of(
        digits(
            "AU_TFN", HIGH, au, FORMATTED, "9|3 3 3|8", AsiaPacificIds::auTfn, "tfn", "tax file"),
        digits(
            "AU_MEDICARE",
            HIGH,
            Tags.with(au, Tags.HIPAA),
            FORMATTED,
            "10|4 5 1|11|4 5 1 1",
            AsiaPacificIds::auMedicare,
            "medicare"),
        digits(
            "AU_ABN",
            HIGH,
            au,
            FORMATTED,
            "11|2 3 3 3",
            AsiaPacificIds::auAbn,
            "abn",
            "business number"),
        digits(
            "AU_ACN",
            HIGH,
            au,
            CONTEXT,
            "9|3 3 3",
            dev.warden.inspect.validate.AsiaPacificIds::auAcn,
            "acn",
            "company number"),
        afterWord(
            "AU_PASSPORT",
            LOW,
            au,
            VALUE + "([A-Z]{1,2}[0-9]{7})\\b",
            v -> true,
            "australian passport",
            "australian_passport",
            "au passport",
            "au_passport"),
        afterWord(
            "AU_DRIVER_LICENCE",
            LOW,
            au,
            VALUE + "([0-9]{8,10}|[A-Z][0-9]{5,9})\\b",
            v -> true,
            "driver licence",
            "drivers licence",
            "driver's licence",
            "licence number"),
        digits("NZ_IRD", MEDIUM, soc, CONTEXT, "8|9|2-3-3|3-3-3", AsiaPacificIds::nzIrd, "ird"),
        codes(
                "NZ_NHI",
                HIGH,
                Tags.HEALTH,
                CONTEXT,
                new int[] {7},
                v ->
                    Shapes.matches(
                        v, "[A-HJ-NP-Z]{3}[0-9]{4}|[A-HJ-NP-Z]{3}[0-9]{2}[A-HJ-NP-Z]{2}"),
                "nhi",
                "national health index")
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("AAA9"),
        codes(
                "SG_NRIC_FIN",
                HIGH,
                Tags.with(soc, "PDPA"),
                ALONE,
                new int[] {9},
                AsiaPacificIds::sgNric)
            .startingWith("STFGM")
            .firstKinds("A999"));
  }

  private static List<Detector> part2() {
    return List.of(
        digits(
            "IN_AADHAAR",
            HIGH,
            Tags.with(soc, "DPDP"),
            FORMATTED,
            "4 4 4|4-4-4|12",
            AsiaPacificIds::aadhaar,
            "aadhaar",
            "aadhar",
            "uidai",
            "uid"),
        codes("IN_PAN", HIGH, Tags.with(soc, "DPDP"), ALONE, new int[] {10}, AsiaPacificIds::inPan)
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("AAAA"),
        afterWord(
            "IN_VOTER_EPIC",
            MEDIUM,
            soc,
            VALUE + "([A-Z]{3}[0-9]{7})\\b",
            v -> true,
            "voter",
            "epic"),
        afterWord(
            "IN_PASSPORT",
            LOW,
            soc,
            VALUE + "([A-Z][1-9][0-9]{6})\\b",
            v -> true,
            "indian passport",
            "indian_passport",
            "india passport"),
        codes("IN_GSTIN", HIGH, soc, ALONE, new int[] {15}, AsiaPacificIds::inGstin)
            .firstKinds("99AA"),
        digits(
            "CN_RESIDENT_ID",
            HIGH,
            Tags.with(soc, "PIPL"),
            ALONE,
            "6 8 4",
            AsiaPacificIds::cnResidentId),
        codes(
            "CN_RESIDENT_ID",
            HIGH,
            Tags.with(soc, "PIPL"),
            ALONE,
            new int[] {18},
            AsiaPacificIds::cnResidentId),
        new HkidDetector(),
        codes("TW_NATIONAL_ID", HIGH, soc, ALONE, new int[] {10}, AsiaPacificIds::twId)
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("A999"),
        digits(
            "JP_MY_NUMBER",
            HIGH,
            Tags.with(soc, "APPI"),
            CONTEXT,
            "12|4 4 4|4-4-4",
            AsiaPacificIds::jpMyNumber,
            "my number",
            "個人番号",
            "マイナンバー",
            "kojin"));
  }

  private static List<Detector> part3() {
    return List.of(
        afterWord(
            "JP_PASSPORT",
            LOW,
            soc,
            VALUE + "([A-Z]{2}[0-9]{7})\\b",
            v -> true,
            "japanese passport",
            "japan passport",
            "旅券"),
        digits(
            "KR_RRN",
            HIGH,
            Tags.with(soc, "PIPA"),
            FORMATTED,
            "6-7|13",
            v -> AsiaPacificIds.krRrn(v) && AsiaPacificIds.krRrnChecksum(v),
            "rrn",
            "resident registration",
            "jumin"),
        digits(
            "TH_NATIONAL_ID",
            HIGH,
            soc,
            FORMATTED,
            "13|1-4-5-2-1|1 4 5 2 1",
            AsiaPacificIds::thNationalId,
            "thai id",
            "thai_id",
            "national_id",
            "citizen_id",
            "national id",
            "citizen id"),
        digits(
            "MY_NRIC",
            MEDIUM,
            soc,
            FORMATTED,
            "6-2-4|12",
            AsiaPacificIds::myNric,
            "nric",
            "mykad",
            "ic number"),
        digits(
            "ID_NIK",
            MEDIUM,
            soc,
            CONTEXT,
            "16",
            AsiaPacificIds::idNik,
            "nik",
            "ktp",
            "nomor induk kependudukan",
            "kependudukan"),
        digits(
            "BR_CPF",
            HIGH,
            Tags.with(soc, "LGPD"),
            FORMATTED,
            "3.3.3.2|11",
            AmericanIds::brCpf,
            "cpf"),
        digits(
            "BR_CNPJ",
            HIGH,
            Tags.with(soc, "LGPD"),
            FORMATTED,
            "2.3.3.4.2|14",
            AmericanIds::brCnpj,
            "cnpj"),
        codes("MX_CURP", HIGH, soc, ALONE, new int[] {18}, AmericanIds::mxCurp).firstKinds("AAAA"),
        codes("MX_RFC", HIGH, soc, ALONE, new int[] {12, 13}, AmericanIds::mxRfc)
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("AAA?"),
        digits(
            "AR_CUIT_CUIL", HIGH, soc, FORMATTED, "2-8-1|11", AmericanIds::arCuit, "cuit", "cuil"));
  }

  private static List<Detector> part4() {
    return List.of(
        afterWord(
            "AR_DNI",
            LOW,
            soc,
            VALUE + "([0-9]{1,2}\\.?[0-9]{3}\\.?[0-9]{3})\\b",
            v -> true,
            "dni",
            "documento"),
        new RutDetector(),
        digits(
            "IL_TEUDAT_ZEHUT",
            HIGH,
            soc,
            CONTEXT,
            "9|8|7",
            AsiaPacificIds::ilTeudatZehut,
            "teudat",
            "zehut",
            "israeli id",
            "תעודת זהות"),
        digits(
            "TR_TCKN",
            HIGH,
            Tags.with(soc, "KVKK"),
            ALONE,
            "11",
            dev.warden.inspect.validate.EuropeanIds::trTckn),
        digits("ZA_ID", HIGH, Tags.with(soc, "POPIA"), ALONE, "13|6 4 3", AsiaPacificIds::zaId)
            .head(WorldCatalogue::birthDateFirst),
        new PassportFallback());
  }

  /**
   * What a number starting with its holder's birth date as YYMMDD requires of its first chars
   * ({@link dev.warden.inspect.Detector#examinesHead}): a month and a day of it.
   */
  static boolean birthDateFirst(long head, int known, int length) {
    return known < 6 || CheckDigits.validDate(1, Head.number(head, 2, 4), Head.number(head, 4, 6));
  }
}
