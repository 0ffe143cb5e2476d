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
 * Measures recall per type on the positive corpus (hand-written plus {@link CorpusGenerator} with a
 * fixed seed) and false positives per 100 KB of benign JSON; fails under the targets and writes the
 * table to target/detection-report.md.
 */
class DetectionQualityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DetectionEngine ENGINE = DetectionEngine.builtIn();

  @Test
  void meetsRecallAndFalsePositiveTargets() throws IOException {
    List<String[]> positives = new ArrayList<>();
    for (JsonNode n : lines("positives.jsonl")) {
      positives.add(new String[] {n.get("type").asText(), n.get("payload").asText()});
    }
    positives.addAll(CorpusGenerator.positives(20240517L, 40));
    Map<String, int[]> perType = new TreeMap<>();
    for (String[] p : positives) {
      boolean found = ENGINE.scan(p[1]).stream().anyMatch(f -> f.type().equals(p[0]));
      int[] counts = perType.computeIfAbsent(p[0], t -> new int[2]);
      counts[0]++;
      counts[1] += found ? 1 : 0;
    }
    StringBuilder benign = new StringBuilder();
    for (JsonNode n : lines("benign.jsonl")) {
      benign.append(n.toString()).append('\n');
    }
    benign.append(CorpusGenerator.benign(7L, 300_000));
    List<Finding> falsePositives = ENGINE.scan(benign);
    double fpPer100Kb = falsePositives.size() * 100_000.0 / benign.length();

    int total = 0;
    int hits = 0;
    StringBuilder report =
        new StringBuilder("| type | cases | found | recall |\n|---|---|---|---|\n");
    for (var e : perType.entrySet()) {
      total += e.getValue()[0];
      hits += e.getValue()[1];
      report.append(
          "| %s | %d | %d | %.3f |%n"
              .formatted(e.getKey(), e.getValue()[0], e.getValue()[1], recall(e.getValue())));
    }
    double overall = (double) hits / total;
    report.append(
        "%n**Overall recall:** %.4f over %d cases, %d types.%n"
            .formatted(overall, total, perType.size()));
    report.append(
        "**False positives:** %d in %d chars of benign JSON = %.3f per 100 KB.%n"
            .formatted(falsePositives.size(), benign.length(), fpPer100Kb));
    falsePositives.stream()
        .limit(20)
        .forEach(f -> report.append("- FP ").append(f.type()).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/detection-report.md"), report);

    assertThat(overall).as(report.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(fpPer100Kb).as(report.toString()).isLessThanOrEqualTo(1.0);
    for (var e : perType.entrySet()) {
      if (CorpusGenerator.CHECKSUM_TYPES.contains(e.getKey())) {
        assertThat(recall(e.getValue())).as(e.getKey()).isGreaterThanOrEqualTo(0.98);
      }
    }
  }

  private static double recall(int[] counts) {
    return (double) counts[1] / counts[0];
  }

  private static List<JsonNode> lines(String name) throws IOException {
    try (InputStream in = DetectionQualityTest.class.getResourceAsStream("/detection/" + name)) {
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
