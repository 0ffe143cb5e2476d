package dev.warden.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the demo's markdown documents from {@link DocumentTopics} and a seed. A few pages carry
 * planted fake secrets (an AWS-style key pair, a database password, a test card number) for
 * data-protection demos; {@link Planted} says what they are.
 */
final class DocumentCorpus {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final LocalDate TODAY = LocalDate.of(2026, 10, 1);
  private static final List<String> CHANGES =
      List.of(
          "Clarified wording",
          "Updated contacts",
          "Added a step",
          "Reviewed, no change",
          "Aligned with new tooling");

  /** The fake secrets planted in the documents, so tests and demos can look for them. */
  record Planted(String awsKeyId, String awsSecret, String dbPassword, String card) {}

  private DocumentCorpus() {}

  static Planted planted(long seed) {
    Random random = new Random(seed ^ 0x5EC12E7L);
    return new Planted(
        "AKIA" + chars(random, BASE32, 16),
        chars(random, BASE64, 40),
        chars(random, ALNUM, 10) + "!",
        "4111 1111 1111 1111");
  }

  static List<Document> generate(long seed) {
    Random random = new Random(seed);
    Planted planted = planted(seed);
    List<Document> docs = new ArrayList<>();
    for (DocumentTopics.Topic topic : DocumentTopics.ALL) {
      docs.add(document(random, topic, planted));
    }
    return List.copyOf(docs);
  }

  private static Document document(Random random, DocumentTopics.Topic topic, Planted planted) {
    String maintainer = FakePeople.name(random);
    LocalDate first = TODAY.minusDays(400 + random.nextInt(600));
    LocalDate reviewed = TODAY.minusDays(5 + random.nextInt(200));
    int minor = 1 + random.nextInt(6);
    StringBuilder md = new StringBuilder();
    md.append("# ").append(topic.title()).append("\n\n");
    md.append("Owner: ").append(topic.team()).append(" · Maintainer: ").append(maintainer);
    md.append(" · Last reviewed: ").append(reviewed).append("\n\n");
    md.append("## Purpose\n\n").append(topic.summary()).append("\n\n");
    md.append("## ").append(heading(topic.path())).append("\n\n");
    for (int i = 0; i < topic.points().size(); i++) {
      md.append(i + 1).append(". ").append(topic.points().get(i)).append('\n');
    }
    md.append('\n');
    if (!topic.extra().isEmpty()) {
      md.append(fill(topic.extra(), planted)).append('\n');
    }
    md.append("## Contacts\n\n");
    md.append("- Maintainer: ").append(maintainer).append(" (");
    md.append(maintainer.toLowerCase(Locale.ROOT).replace(' ', '.')).append("@corp.example.com)\n");
    md.append("- Team channel: #").append(topic.team().toLowerCase(Locale.ROOT).replace(' ', '-'));
    md.append(
        "\n\n## Revision history\n\n| Version | Date | Author | Change |\n|---|---|---|---|\n");
    md.append("| 1.").append(minor).append(" | ").append(reviewed).append(" | ").append(maintainer);
    md.append(" | ").append(FakePeople.pick(random, CHANGES)).append(" |\n");
    md.append("| 1.0 | ").append(first).append(" | ").append(FakePeople.name(random));
    md.append(" | First version |\n");
    return new Document(topic.path(), topic.title(), reviewed, md.toString());
  }

  private static String heading(String path) {
    if (path.startsWith("runbooks/")) {
      return "Procedure";
    }
    return path.startsWith("policies/") ? "Rules" : "Guidance";
  }

  private static String fill(String text, Planted planted) {
    return text.replace("{aws_key_id}", planted.awsKeyId())
        .replace("{aws_secret}", planted.awsSecret())
        .replace("{db_password}", planted.dbPassword())
        .replace("{card}", planted.card());
  }

  private static String chars(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
