package dev.warden.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the positive and near-miss corpus from {@code detection/samples.jsonl} (valid values for
 * every type, found once by forging random values of each type's shape, see {@code shapes.txt}):
 * each value is embedded in several realistic payloads, and each value of a checksum type is also
 * written with one digit changed, which must not be reported as that type.
 */
final class CorpusGenerator {
  /** Types whose values carry a check digit or checksum: recall target 0.98, mutants rejected. */
  static final Set<String> CHECKSUM_TYPES =
      Set.of(
          "CARD_VISA",
          "CARD_MASTERCARD",
          "CARD_AMEX",
          "CARD_DISCOVER",
          "CARD_JCB",
          "CARD_DINERS",
          "CARD_MAESTRO",
          "CARD_MIR",
          "CARD_RUPAY",
          "IBAN",
          "US_ABA_ROUTING",
          "UK_NHS_NUMBER",
          "CA_SIN",
          "DE_STEUER_ID",
          "DE_ID_CARD",
          "FR_NIR",
          "ES_DNI_NIF",
          "ES_NIE",
          "IT_CODICE_FISCALE",
          "NL_BSN",
          "BE_NATIONAL_NUMBER",
          "PL_PESEL",
          "SE_PERSONNUMMER",
          "NO_FODSELSNUMMER",
          "FI_HETU",
          "CH_AHV",
          "IE_PPSN",
          "PT_NIF",
          "RO_CNP",
          "CZ_SK_BIRTH_NUMBER",
          "HR_OIB",
          "AU_TFN",
          "AU_MEDICARE",
          "AU_ABN",
          "AU_ACN",
          "SG_NRIC_FIN",
          "IN_AADHAAR",
          "IN_GSTIN",
          "CN_RESIDENT_ID",
          "HK_HKID",
          "TW_NATIONAL_ID",
          "JP_MY_NUMBER",
          "KR_RRN",
          "TH_NATIONAL_ID",
          "BR_CPF",
          "BR_CNPJ",
          "MX_CURP",
          "AR_CUIT_CUIL",
          "CL_RUT",
          "IL_TEUDAT_ZEHUT",
          "TR_TCKN",
          "ZA_ID",
          "US_NPI",
          "US_DEA",
          "VEHICLE_VIN",
          "IMEI",
          "UK_UTR",
          "AT_SVNR",
          "CARD_TRACK1",
          "CARD_TRACK2",
          "NZ_IRD");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One corpus case: the type expected (or, for a near miss, not expected) in the payload. */
  record Case(String type, String template, String payload) {}

  /** A valid value of a type and the key it is usually stored under. */
  record Sample(String type, String key, String value) {}

  private CorpusGenerator() {}

  static List<Sample> samples() throws IOException {
    try (InputStream in = CorpusGenerator.class.getResourceAsStream("/detection/samples.jsonl")) {
      List<Sample> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          out.add(
              new Sample(n.get("type").asText(), n.get("key").asText(), n.get("value").asText()));
        }
      }
      return out;
    }
  }

  /** Every sample in four payloads: a tool call, prose in a ticket, a log line, JSON escapes. */
  static List<Case> positives(List<Sample> samples) {
    List<Case> out = new ArrayList<>();
    for (Sample s : samples) {
      for (String template : List.of("tool-call", "prose", "log", "escaped")) {
        out.add(new Case(s.type(), template, embed(template, s.key(), s.value())));
      }
    }
    return out;
  }

  /** Every sample of a checksum type with one digit changed, in a tool call. */
  static List<Case> nearMisses(List<Sample> samples) {
    List<Case> out = new ArrayList<>();
    for (Sample s : samples) {
      if (CHECKSUM_TYPES.contains(s.type())) {
        out.add(new Case(s.type(), "mutant", embed("tool-call", s.key(), mutate(s.value()))));
      }
    }
    return out;
  }

  /** {@code body} followed by its Luhn check digit. */
  static String luhnComplete(String body) {
    for (int d = 0; d < 10; d++) {
      if (dev.warden.inspect.validate.CheckDigits.luhn(body + d)) {
        return body + d;
      }
    }
    throw new IllegalStateException("no Luhn digit for " + body);
  }

  /** A German-style IBAN with valid check digits for {@code bban}. */
  static String iban(String country, String bban) {
    StringBuilder numeric = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
    }
    int check =
        98
            - new java.math.BigInteger(numeric.toString())
                .mod(java.math.BigInteger.valueOf(97))
                .intValue();
    return country + (check < 10 ? "0" : "") + check + bban;
  }

  static String embed(String template, String key, String value) {
    return switch (template) {
      case "tool-call" ->
          "{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"crm__update_record\",\"arguments\":{\"record\":{\"id\":"
              + "\"3f2c9a8e-5b1d-4e7a-9c0f-2d8b6a4e1c37\",\""
              + key
              + "\":"
              + quote(value)
              + ",\"updated_at\":\"2024-05-17T10:30:00Z\"}}}}";
      case "prose" ->
          "{\"ticket\":{\"id\":48213,\"body\":"
              + quote("Hi team, customer called again. Their " + key + ": " + value + " - thanks!")
              + "}}";
      case "log" ->
          "{\"level\":\"info\",\"ts\":1718000000123,\"msg\":"
              + quote("sync ok " + key + "=" + value + " took 12ms")
              + "}";
      default -> "{\"" + key + "\":" + escapeFirst(quote(value)) + "}";
    };
  }

  private static String quote(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the value's first character as a {@code \\u} escape, as some JSON encoders do. */
  private static String escapeFirst(String quoted) {
    char c = quoted.charAt(1);
    return c == '\\' ? quoted : "\"" + "\\u%04x".formatted((int) c) + quoted.substring(2);
  }

  /** Changes the fourth digit: inside the checked part of every type (not a trailing issue no.). */
  static String mutate(String value) {
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9' && ++seen == 4) {
        return value.substring(0, i) + (char) ('0' + (c - '0' + 1) % 10) + value.substring(i + 1);
      }
    }
    return value;
  }
}
