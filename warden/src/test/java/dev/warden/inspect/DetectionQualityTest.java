package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.inspect.CorpusGenerator.Case;
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
 * Measures, for every type the engine reports, recall on the positive corpus and rejection of near
 * misses (one digit changed), and false positives per 100 KB of benign JSON; fails under the
 * targets and writes the table to target/detection-report.md.
 */
class DetectionQualityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DetectionEngine ENGINE = DetectionEngine.builtIn();
  static final int BENIGN_CHARS = 600_000;

  /** Per type: cases, found, near misses, near misses reported, benign false positives. */
  private final Map<String, int[]> perType = new TreeMap<>();

  @Test
  void meetsRecallAndFalsePositiveTargets() throws IOException {
    ENGINE.types().forEach(t -> perType.put(t, new int[5]));
    List<CorpusGenerator.Sample> samples = CorpusGenerator.samples();
    List<Case> positives = new ArrayList<>(CorpusGenerator.positives(samples));
    for (JsonNode n : lines("positives.jsonl")) {
      positives.add(new Case(n.get("type").asText(), "hand", n.get("payload").asText()));
    }
    List<String> missed = new ArrayList<>();
    for (Case c : positives) {
      boolean found = ENGINE.scan(c.payload()).stream().anyMatch(f -> f.type().equals(c.type()));
      int[] counts = perType.get(c.type());
      counts[0]++;
      counts[1] += found ? 1 : 0;
      if (!found) {
        missed.add(c.type() + " (" + c.template() + "): " + c.payload());
      }
    }
    for (Case c : CorpusGenerator.nearMisses(samples)) {
      int[] counts = perType.get(c.type());
      counts[2]++;
      counts[3] +=
          ENGINE.scan(c.payload()).stream().anyMatch(f -> f.type().equals(c.type())) ? 1 : 0;
    }
    String benign = benign();
    List<String> fps = new ArrayList<>();
    for (Finding f : ENGINE.scan(benign)) {
      perType.get(f.type())[4]++;
      fps.add(f.type() + ": " + benign.substring(Math.max(0, f.start() - 40), f.end()));
    }
    String report = report(benign.length(), fps, missed);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/detection-report.md"), report);

    assertThat(recall(perType.keySet())).as(report).isGreaterThanOrEqualTo(0.95);
    assertThat(recall(CorpusGenerator.CHECKSUM_TYPES)).as(report).isGreaterThanOrEqualTo(0.98);
    assertThat(fps.size() * 100_000.0 / benign.length()).as(report).isLessThanOrEqualTo(1.0);
    assertThat(perType.values()).as("every type has corpus cases").allMatch(c -> c[0] > 0);
    // The overall figures would hide one type lost whole: each keeps at least nine in ten.
    assertThat(perType.keySet())
        .as(report)
        .allSatisfy(t -> assertThat(recall(List.of(t))).as(t).isGreaterThanOrEqualTo(0.9));
  }

  private double recall(Iterable<String> types) {
    int cases = 0;
    int found = 0;
    for (String t : types) {
      cases += perType.get(t)[0];
      found += perType.get(t)[1];
    }
    return (double) found / cases;
  }

  private String report(int benignChars, List<String> fps, List<String> missed) {
    StringBuilder b =
        new StringBuilder(
            "| type | cases | found | recall | near misses | near misses reported | benign FPs |\n"
                + "|---|---|---|---|---|---|---|\n");
    perType.forEach(
        (type, c) ->
            b.append(
                "| %s%s | %d | %d | %.3f | %d | %d | %d |%n"
                    .formatted(
                        type,
                        CorpusGenerator.CHECKSUM_TYPES.contains(type) ? " ✓" : "",
                        c[0],
                        c[1],
                        c[0] == 0 ? 0.0 : (double) c[1] / c[0],
                        c[2],
                        c[3],
                        c[4])));
    int nearMisses = perType.values().stream().mapToInt(c -> c[2]).sum();
    int nearReported = perType.values().stream().mapToInt(c -> c[3]).sum();
    b.append("\n✓ = checksum-validated type.\n\n")
        .append(
            "**Overall recall:** %.4f over %d cases, %d types; checksum types %.4f.%n%n"
                .formatted(
                    recall(perType.keySet()),
                    perType.values().stream().mapToInt(c -> c[0]).sum(),
                    perType.size(),
                    recall(CorpusGenerator.CHECKSUM_TYPES)))
        .append(
            "**Near misses reported:** %d of %d (one digit changed in a checksum type).%n%n"
                .formatted(nearReported, nearMisses))
        .append(
            "**False positives:** %d in %d chars of benign JSON = %.3f per 100 KB.%n"
                .formatted(fps.size(), benignChars, fps.size() * 100_000.0 / benignChars));
    fps.stream()
        .limit(30)
        .forEach(f -> b.append("- FP ").append(f.replace("\n", " ")).append('\n'));
    missed.stream().limit(40).forEach(m -> b.append("- missed ").append(m).append('\n'));
    return b.toString();
  }

  static String benign() throws IOException {
    StringBuilder benign = new StringBuilder();
    for (JsonNode n : lines("benign.jsonl")) {
      benign.append(n.toString()).append('\n');
    }
    benign.append(BenignCorpus.generate(7L, BENIGN_CHARS));
    return benign.toString();
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
