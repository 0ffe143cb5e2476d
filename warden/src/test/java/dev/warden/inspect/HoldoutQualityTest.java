package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measures the engine on the holdout corpus (detection/holdout.jsonl), written from the catalogue
 * alone and never used to tune a detector's format: recall per type and overall, and findings on
 * the hard negatives. Fails under the floors and writes target/holdout-report.md.
 */
class HoldoutQualityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DetectionEngine ENGINE = DetectionEngine.builtIn();

  static final double RECALL_FLOOR = 0.97;
  static final int MAX_FALSE_POSITIVES = 1;

  /** Per type: cases, found. */
  private final Map<String, int[]> perType = new TreeMap<>();

  private final List<String> missed = new ArrayList<>();
  private final List<String> falsePositives = new ArrayList<>();
  private int negatives;

  @Test
  void generalisesToTheHoldoutCorpus() throws IOException {
    ENGINE.types().forEach(t -> perType.put(t, new int[2]));
    for (JsonNode n : lines()) {
      String text = n.get("text").asText();
      List<Finding> findings = ENGINE.scan(text);
      if (n.get("type").isNull()) {
        negative(n, text, findings);
      } else {
        positive(n, text, findings);
      }
    }
    String report = report();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/holdout-report.md"), report);

    assertThat(perType.values()).as("every type has holdout cases").allMatch(c -> c[0] >= 3);
    assertThat(recall()).as(report).isGreaterThanOrEqualTo(RECALL_FLOOR);
    assertThat(falsePositives.size()).as(report).isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
  }

  private void positive(JsonNode n, String text, List<Finding> findings) {
    String type = n.get("type").asText();
    String value = n.get("value").asText();
    int start = text.indexOf(value);
    assertThat(start).as("value appears in its text: %s", value).isGreaterThanOrEqualTo(0);
    int end = start + value.length();
    boolean found =
        findings.stream()
            .anyMatch(f -> f.type().equals(type) && f.start() < end && f.end() > start);
    int[] counts = perType.get(type);
    assertThat(counts).as("the engine reports %s", type).isNotNull();
    counts[0]++;
    counts[1] += found ? 1 : 0;
    if (!found) {
      missed.add(
          "%s (%s): %s -> %s"
              .formatted(type, n.get("note").asText(), oneLine(text), typesOf(findings)));
    }
  }

  private void negative(JsonNode n, String text, List<Finding> findings) {
    negatives++;
    JsonNode not = n.get("not");
    for (Finding f : findings) {
      if (not == null || not.isNull() || f.type().equals(not.asText())) {
        falsePositives.add(
            "%s in \"%s\" (%s)"
                .formatted(
                    f.type(), oneLine(text.substring(f.start(), f.end())), n.get("note").asText()));
      }
    }
  }

  private double recall() {
    int cases = perType.values().stream().mapToInt(c -> c[0]).sum();
    int found = perType.values().stream().mapToInt(c -> c[1]).sum();
    return (double) found / cases;
  }

  private String report() {
    StringBuilder b = new StringBuilder("| type | cases | found | recall |\n|---|---|---|---|\n");
    perType.forEach(
        (type, c) ->
            b.append(
                "| %s | %d | %d | %.3f |%n".formatted(type, c[0], c[1], (double) c[1] / c[0])));
    b.append(
            "%n**Overall recall:** %.4f over %d cases, %d types.%n%n"
                .formatted(
                    recall(), perType.values().stream().mapToInt(c -> c[0]).sum(), perType.size()))
        .append(
            "**False positives:** %d findings on %d hard negatives.%n%n"
                .formatted(falsePositives.size(), negatives));
    falsePositives.forEach(f -> b.append("- FP ").append(f).append('\n'));
    missed.forEach(m -> b.append("- missed ").append(m).append('\n'));
    return b.toString();
  }

  private static String typesOf(List<Finding> findings) {
    return findings.stream().map(Finding::type).distinct().toList().toString();
  }

  private static String oneLine(String s) {
    String flat = s.replace("\n", "⏎");
    return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
  }

  private static List<JsonNode> lines() throws IOException {
    try (InputStream in =
        HoldoutQualityTest.class.getResourceAsStream("/detection/holdout.jsonl")) {
      List<JsonNode> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    }
  }
}
