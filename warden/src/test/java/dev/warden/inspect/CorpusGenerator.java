package dev.warden.inspect;

import dev.warden.inspect.validate.CheckDigits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Generates corpus cases with a fixed seed: valid values in realistic JSON tool payloads. */
final class CorpusGenerator {
  static final Set<String> CHECKSUM_TYPES =
      Set.of("CARD_VISA", "CARD_MASTERCARD", "CARD_AMEX", "IBAN", "UK_NHS_NUMBER", "BR_CPF");

  private CorpusGenerator() {}

  static List<String[]> positives(long seed, int perType) {
    Random r = new Random(seed);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < perType; i++) {
      out.add(tp("CARD_VISA", "payment", "card_number", group(luhn("4" + digits(r, 14)), r)));
      out.add(
          tp("CARD_MASTERCARD", "payment", "pan", luhn("5" + (1 + r.nextInt(5)) + digits(r, 13))));
      out.add(tp("CARD_AMEX", "payment", "card", luhn("37" + digits(r, 12))));
      out.add(tp("IBAN", "transfer", "iban", iban("DE", digits(r, 18))));
      out.add(tp("US_SSN", "employee", "ssn", ssn(r)));
      out.add(
          tp(
              "EMAIL_ADDRESS",
              "message",
              "to",
              "user" + r.nextInt(9999) + "@mail" + r.nextInt(99) + ".example.org"));
      out.add(tp("UK_NHS_NUMBER", "patient", "nhs_number", nhs(r)));
      out.add(tp("BR_CPF", "cliente", "cpf", cpf(r)));
      out.add(tp("AWS_ACCESS_KEY_ID", "env", "AWS_ACCESS_KEY_ID", "AKIA" + upper(r, 16)));
      out.add(tp("GITHUB_PAT_CLASSIC", "env", "GH_TOKEN", "ghp_" + alnum(r, 36)));
    }
    return out;
  }

  static String benign(long seed, int chars) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    String[] words = {
      "printer", "jams", "reset", "queue", "shipped", "pending", "invoice", "the", "on", "floor"
    };
    while (b.length() < chars) {
      b.append("{\"order_id\":\"ORD-")
          .append(digits(r, 8))
          .append("\",\"id\":\"")
          .append(UUID.nameUUIDFromBytes(digits(r, 8).getBytes()))
          .append("\",\"ts\":")
          .append(1_700_000_000L + r.nextInt(50_000_000))
          .append(",\"price\":")
          .append(r.nextInt(1000))
          .append('.')
          .append(r.nextInt(90) + 10)
          .append(",\"sku\":\"SKU-")
          .append(digits(r, 4))
          .append('-')
          .append(digits(r, 4))
          .append("\",\"qty\":")
          .append(r.nextInt(20))
          .append(",\"created\":\"2024-0")
          .append(1 + r.nextInt(9))
          .append("-1")
          .append(r.nextInt(9))
          .append("T10:3")
          .append(r.nextInt(9))
          .append(":00Z\"")
          .append(",\"note\":\"")
          .append(words[r.nextInt(words.length)])
          .append(' ')
          .append(words[r.nextInt(words.length)])
          .append("\"}\n");
    }
    return b.toString();
  }

  private static String[] tp(String type, String object, String key, String value) {
    return new String[] {
      type,
      "{\"tool\":\"crm__update\",\"arguments\":{\""
          + object
          + "\":{\""
          + key
          + "\":\""
          + value
          + "\",\"note\":\"ok\"}}}"
    };
  }

  static String digits(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String upper(Random r, int n) {
    String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(a.charAt(r.nextInt(a.length())));
    }
    return b.toString();
  }

  private static String alnum(Random r, int n) {
    String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(a.charAt(r.nextInt(a.length())));
    }
    return b.toString();
  }

  static String luhn(String body) {
    for (int d = 0; d < 10; d++) {
      if (CheckDigits.luhn(body + d)) {
        return body + d;
      }
    }
    throw new IllegalStateException();
  }

  private static String group(String pan, Random r) {
    return r.nextBoolean() ? pan : pan.replaceAll("(.{4})(?!$)", "$1 ");
  }

  static String iban(String country, String bban) {
    int check =
        98 - new BigInteger(numeric(bban + country + "00")).mod(BigInteger.valueOf(97)).intValue();
    return country + (check < 10 ? "0" : "") + check + bban;
  }

  private static String numeric(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
    }
    return b.toString();
  }

  private static String ssn(Random r) {
    return (100 + r.nextInt(565)) + "-" + (10 + r.nextInt(89)) + "-" + (1000 + r.nextInt(8999));
  }

  private static String nhs(Random r) {
    while (true) {
      String body = digits(r, 9);
      int check = 11 - CheckDigits.weighted(body, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        String n = body + check;
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
      }
    }
  }

  private static String cpf(Random r) {
    String b = digits(r, 9);
    int d1 = CheckDigits.weighted(b, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
    b = b + d1;
    int d2 = CheckDigits.weighted(b, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
    b = b + d2;
    return b.substring(0, 3)
        + "."
        + b.substring(3, 6)
        + "."
        + b.substring(6, 9)
        + "-"
        + b.substring(9);
  }
}
