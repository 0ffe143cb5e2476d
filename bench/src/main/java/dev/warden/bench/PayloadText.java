package dev.warden.bench;

import java.util.Locale;
import java.util.Random;

/**
 * The text a payload tool returns: a JSON array of support tickets, the kind of thing a real tool
 * hands to a model, of exactly the requested number of bytes (ASCII, so bytes equal characters).
 * Deterministic, so the load generator can compare every reply with what the upstream sent.
 */
public final class PayloadText {
  /** Smallest size the generator can fill exactly with well-formed JSON. */
  public static final int MIN_BYTES = 64;

  private static final String[] CUSTOMERS = {
    "acme-corp", "globex", "initech", "umbrella", "hooli", "stark-industries", "wayne-enterprises"
  };
  private static final String[] STATUSES = {"open", "pending", "escalated", "resolved"};
  private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
  private static final String[] SUBJECTS = {
    "Cannot export invoices to PDF",
    "SSO login loops back to the start page",
    "Webhook retries arrive out of order",
    "Quota warning shown although usage is low",
    "CSV import drops rows with accents",
    "Dashboard times out for large accounts"
  };
  private static final String[] WORDS = {
    "customer", "reports", "that", "the", "export", "fails", "after", "upgrading", "to", "version",
    "logs", "show", "a", "timeout", "when", "calling", "billing", "service", "retry", "works",
    "sometimes", "please", "advise", "on", "workaround", "and", "expected", "fix", "date"
  };

  private PayloadText() {}

  /** The payload of exactly {@code bytes} characters. */
  public static String of(int bytes) {
    if (bytes < MIN_BYTES) {
      throw new IllegalArgumentException("payload must be at least " + MIN_BYTES + " bytes");
    }
    Random random = new Random(bytes); // same size, same text, in every process
    StringBuilder sb = new StringBuilder(bytes);
    sb.append('[');
    for (int i = 0; ; i++) {
      String ticket = ticket(random, i);
      // Keep room for the closing record: {"note":""} plus a comma and the closing bracket.
      if (sb.length() + ticket.length() + 1 + 13 + 1 > bytes) {
        break;
      }
      sb.append(ticket).append(',');
    }
    int fill = bytes - sb.length() - "{\"note\":\"\"}]".length();
    sb.append("{\"note\":\"").append(words(random, fill)).append("\"}]");
    return sb.toString();
  }

  private static String ticket(Random r, int i) {
    return String.format(
        Locale.ROOT,
        "{\"id\":\"TCK-%05d\",\"status\":\"%s\",\"priority\":\"%s\",\"customer\":\"%s\","
            + "\"subject\":\"%s\",\"updated\":\"2026-03-%02dT%02d:%02d:%02dZ\","
            + "\"tags\":[\"%s\",\"%s\"],\"summary\":\"%s\"}",
        10001 + i,
        pick(r, STATUSES),
        pick(r, PRIORITIES),
        pick(r, CUSTOMERS),
        pick(r, SUBJECTS),
        1 + r.nextInt(28),
        r.nextInt(24),
        r.nextInt(60),
        r.nextInt(60),
        pick(r, WORDS),
        pick(r, WORDS),
        words(r, 80 + r.nextInt(160)));
  }

  /** Words separated by spaces, exactly {@code length} characters. */
  private static String words(Random r, int length) {
    StringBuilder sb = new StringBuilder(length + 16);
    while (sb.length() < length) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(pick(r, WORDS));
    }
    sb.setLength(length);
    return sb.toString();
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  /**
   * Parses a size such as {@code 1k}, {@code 64k}, {@code 1m} or {@code 512} into bytes (k = 1024).
   */
  public static int parseSize(String label) {
    String s = label.trim().toLowerCase(Locale.ROOT);
    int unit = 1;
    if (s.endsWith("k")) {
      unit = 1024;
      s = s.substring(0, s.length() - 1);
    } else if (s.endsWith("m")) {
      unit = 1024 * 1024;
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Math.multiplyExact(Integer.parseInt(s), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a size: '" + label + "' (use e.g. 1k, 64k, 512)");
    }
  }

  /** The tool that returns a payload of this size, e.g. {@code payload_64k}. */
  public static String toolName(String label) {
    return "payload_" + label.trim().toLowerCase(Locale.ROOT);
  }
}
