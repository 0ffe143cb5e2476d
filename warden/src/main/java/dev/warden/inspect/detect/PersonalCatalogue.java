package dev.warden.inspect.detect;

import static dev.warden.inspect.Confidence.HIGH;
import static dev.warden.inspect.Confidence.LOW;
import static dev.warden.inspect.Confidence.MEDIUM;
import static dev.warden.inspect.detect.Labels.VALUE;
import static dev.warden.inspect.detect.NumberDetector.codes;
import static dev.warden.inspect.detect.NumberDetector.digits;
import static dev.warden.inspect.detect.PatternDetector.afterWord;
import static dev.warden.inspect.detect.PatternDetector.anchored;
import static dev.warden.inspect.detect.Policy.ALONE;
import static dev.warden.inspect.detect.Policy.CONTEXT;
import static dev.warden.inspect.detect.Policy.FORMATTED;

import dev.warden.inspect.Detector;
import dev.warden.inspect.validate.AmericanIds;
import dev.warden.inspect.validate.CheckDigits;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Set;

/** Health identifiers, contact, personal, device and network types, rows 93–119. */
final class PersonalCatalogue {
  private PersonalCatalogue() {}

  private static final Set<String> h = Tags.HEALTH;
  private static final Set<String> p = Tags.ID;

  static List<Detector> all() {
    return java.util.stream.Stream.of(part1(), part2(), part3()).flatMap(List::stream).toList();
  }

  private static List<Detector> part1() {
    return List.of(
        digits(
            "US_NPI",
            HIGH,
            h,
            CONTEXT,
            "10",
            AmericanIds::npi,
            "npi",
            "national provider",
            "provider id",
            "prescriber"),
        codes("US_DEA", HIGH, h, ALONE, new int[] {9}, AmericanIds::dea)
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("A?99"),
        codes("US_MBI", HIGH, h, ALONE, new int[] {11}, AmericanIds::mbi)
            .startingWith("123456789")
            .firstKinds("9A?9"),
        // The card prints it in dashed groups, 1EG4-TE5-MK73, which only a label anchors.
        afterWord(
            "US_MBI",
            HIGH,
            h,
            VALUE + "([1-9][A-Za-z0-9]{3}-[A-Za-z0-9]{3}-[A-Za-z0-9]{4})\\b",
            v -> AmericanIds.mbi(v.replace("-", "").toUpperCase(java.util.Locale.ROOT)),
            "mbi",
            "medicare beneficiary",
            "medicare number",
            "medicare id"),
        afterWord(
            "US_HICN",
            MEDIUM,
            h,
            VALUE + "([0-9]{3}-?[0-9]{2}-?[0-9]{4}[- ]?[A-Z][0-9A-Z]?)\\b",
            v -> true,
            "hicn",
            "medicare claim",
            "health insurance claim"),
        afterWord(
            "ICD10_CODE",
            LOW,
            h,
            VALUE + "([A-TV-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?)\\b",
            v -> true,
            "icd",
            "icd-10",
            "icd10",
            "diagnosis",
            "dx"),
        afterWord(
            "NDC",
            LOW,
            h,
            VALUE + "([0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3,4}-[0-9]{1,2}|[0-9]{11})\\b",
            v -> true,
            "ndc",
            "national drug code"),
        afterWord(
            "MEDICAL_RECORD_NUMBER",
            LOW,
            h,
            VALUE + "([A-Z0-9][A-Z0-9-]{5,11})\\b",
            v -> v.chars().anyMatch(Character::isDigit),
            "mrn",
            "medical record",
            "medical_record",
            "patient id",
            "patient record",
            "chart number"),
        afterWord(
            "HEALTH_PLAN_MEMBER_ID",
            LOW,
            h,
            VALUE + "([A-Z0-9][A-Z0-9-]{5,19})\\b",
            v -> v.chars().anyMatch(Character::isDigit),
            "member id",
            "member_id",
            "memberid",
            "subscriber id",
            "subscriber_id",
            "policy number",
            "policy_number",
            "policy no",
            "insurance id",
            "beneficiary"));
  }

  private static List<Detector> part2() {
    return List.of(
        afterWord(
            "MEDICAL_LICENSE",
            LOW,
            h,
            VALUE + "([A-Z]{1,3}[- ]?[0-9]{4,8})\\b",
            v -> true,
            "medical license",
            "medical licence",
            "license no",
            "licence no",
            "state license"),
        // Many states issue numbers alone: those count only under a medical label.
        afterWord(
            "MEDICAL_LICENSE",
            LOW,
            h,
            VALUE + "([0-9]{4,8})\\b",
            v -> true,
            "medical license",
            "medical licence",
            "physician license",
            "nursing license"),
        new EmailDetector(),
        new PhoneDetector(),
        afterWord(
            "US_ZIP",
            LOW,
            Set.of(Tags.HIPAA, Tags.GDPR),
            VALUE + "([0-9]{5}(?:-[0-9]{4})?)\\b",
            v -> true,
            "zip",
            "zipcode",
            "zip code",
            "postal_code",
            "postcode"),
        new ZipDetector(),
        codes(
                "UK_POSTCODE",
                MEDIUM,
                Set.of(Tags.GDPR),
                FORMATTED,
                new int[] {5, 6, 7},
                v ->
                    Shapes.matches(
                        v,
                        "[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2}"),
                "postcode",
                "post code",
                "postal",
                "address",
                "zip")
            .startingWith(NumberDetector.LETTERS),
        codes(
                "CA_POSTAL_CODE",
                MEDIUM,
                Set.of("PIPEDA"),
                FORMATTED,
                new int[] {6},
                v ->
                    Shapes.matches(
                        v, "[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]"),
                "postal",
                "postcode",
                "address",
                "zip")
            .startingWith(NumberDetector.LETTERS)
            .firstKinds("A9A9"),
        afterWord(
            "DATE_OF_BIRTH",
            LOW,
            p,
            VALUE
                + "([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}"
                + "|\\p{Lu}\\p{Ll}{2,8}\\.? [0-9]{1,2},? [0-9]{4}"
                + "|[0-9]{1,2}\\.? \\p{Lu}\\p{Ll}{2,8}\\.? [0-9]{4})\\b",
            v -> true,
            "dob",
            "d.o.b",
            "date of birth",
            "birth",
            "born",
            "birthdate",
            "birthday",
            "geburtsdatum",
            "geboren",
            "date de naissance",
            "fecha de nacimiento",
            "data di nascita",
            "data de nascimento",
            "geboortedatum",
            "födelsedatum",
            "fødselsdato",
            "data urodzenia",
            "né le",
            "née le"));
  }

  private static List<Detector> part3() {
    return List.of(
        afterWord(
            "AGE_OVER_89",
            LOW,
            Set.of(Tags.HIPAA),
            "^[^A-Za-z0-9]{0,16}(9[0-9]|1[0-1][0-9])\\b",
            v -> true,
            // a quoted key ending in age: "age", "patient_age", "patientAge"
            "age\"",
            "age:",
            "age=",
            "aged"),
        new AgeDetector(),
        anchored(
                "GEO_COORDINATES",
                MEDIUM,
                Set.of(Tags.GDPR, Tags.HIPAA),
                "-?(?:[1-8]?[0-9]\\.[0-9]{4,}|90\\.0{4,}),\\s*\"?(?:lon|lng|longitude)?\"?\\s*:?\\s*-?(?:1[0-7][0-9]|[1-9]?[0-9])\\.[0-9]{4,}",
                "lat",
                "latitude",
                "coordinates",
                "coords",
                "geo",
                "gps",
                "location",
                "position")
            .window(0, 80)
            // "lat" is in "later" and "escalated": counted only where it starts a word, and most
            // windows after it hold no coordinate at all.
            .atWordStart()
            .needing(PatternDetector::hasDecimal4),
        codes(
            "VEHICLE_VIN",
            HIGH,
            Set.of(Tags.GDPR, Tags.HIPAA),
            ALONE,
            new int[] {17},
            AmericanIds::vin),
        digits(
            "IMEI",
            HIGH,
            Set.of(Tags.GDPR, Tags.HIPAA),
            CONTEXT,
            "15|16|2-6-6-1",
            v -> CheckDigits.luhn(v.substring(0, 15)),
            "imei",
            "device id",
            "device_id"),
        new NetworkDetector(),
        new NetworkDetector.LetterStart(),
        // A label anchors the forms the colon run cannot start: 00-1a-…, 001a.2b3c.4d5e, ac:de:…
        afterWord(
            "MAC_ADDRESS",
            MEDIUM,
            Set.of(Tags.GDPR, Tags.HIPAA, Tags.SOC2),
            VALUE
                + "((?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})\\b",
            PersonalCatalogue::assignedMac,
            "mac",
            "mac address",
            "hwaddr",
            "ether",
            "physical address",
            "bssid"));
  }

  /** Whether a MAC address is a device's: not all zeros, not the broadcast address. */
  private static boolean assignedMac(String mac) {
    String hex = mac.replace(":", "").replace("-", "").replace(".", "").toLowerCase();
    return !CheckDigits.allSame(hex) || (hex.charAt(0) != '0' && hex.charAt(0) != 'f');
  }
}
