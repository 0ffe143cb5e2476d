package dev.warden.alert;

import static dev.warden.alert.Exchanges.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.AlertsConfig;
import dev.warden.config.AlertsConfig.Event;
import dev.warden.config.AlertsConfig.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static AlertsConfig file(Path path, Format format, long maxSize, int keep) {
    return AlertsConfig.NONE.withFile(
        new AlertsConfig.File(path, format, Event.ALL, maxSize, keep, 100));
  }

  @Test
  void writesOneValidJsonObjectPerLine() throws Exception {
    Path path = dir.resolve("logs/alerts.jsonl");
    try (Alerts alerts = Alerts.start(file(path, Format.JSON, 1 << 20, 3), "1.0")) {
      alerts.publish(Exchanges.denied("r1", SyslogSinkTest.NASTY, "persona:tools"));
      alerts.publish(Exchanges.detected("r2", "CARD_VISA"));
      alerts.publish(Exchanges.passed("r3"));
      alerts.publish(Exchanges.failed("r4", "connect"));
    }
    List<String> lines = Files.readAllLines(path);
    assertThat(lines).hasSize(3);
    List<JsonNode> alerts = new ArrayList<>();
    for (String line : lines) {
      alerts.add(JSON.readTree(line));
    }
    assertThat(alerts)
        .extracting(a -> a.get("request_id").asText())
        .containsExactly("r1", "r2", "r4");
    assertThat(alerts.get(0).get("tool").asText()).isEqualTo(SyslogSinkTest.NASTY);
    JsonNode finding = alerts.get(1).get("findings").get(0);
    assertThat(finding.get("type").asText()).isEqualTo("CARD_VISA");
    assertThat(finding.get("count").asInt()).isEqualTo(2);
    assertThat(alerts.get(2).get("events").toString()).isEqualTo("[\"error\"]");
  }

  @Test
  void rotatesBySizeAndKeepsOnlyTheNewestFiles() throws Exception {
    Path path = dir.resolve("alerts.jsonl");
    int lineLength;
    try (Alerts alerts = Alerts.start(file(path, Format.JSON, 1, 1), "1.0")) {
      alerts.publish(Exchanges.denied("probe", "x", "persona:tools"));
      assertThat(await(Duration.ofSeconds(5), () -> Files.exists(path))).isTrue();
    }
    lineLength = (int) Files.size(path);
    Files.delete(path);
    // Room for two lines per file: six alerts fill three files; keep: 2 leaves the newest two old.
    try (Alerts alerts = Alerts.start(file(path, Format.JSON, 2L * lineLength + 5, 2), "1.0")) {
      for (int i = 1; i <= 7; i++) {
        alerts.publish(Exchanges.denied("n" + i, "x", "persona:tools"));
      }
    }
    assertThat(Files.readAllLines(path)).hasSize(1).allMatch(l -> l.contains("\"n7\""));
    assertThat(Files.readAllLines(Path.of(path + ".1")))
        .hasSize(2)
        .anyMatch(l -> l.contains("\"n5\""));
    assertThat(Files.readAllLines(Path.of(path + ".2")))
        .hasSize(2)
        .anyMatch(l -> l.contains("\"n3\""));
    assertThat(Path.of(path + ".3")).doesNotExist();
    for (Path p : List.of(path, Path.of(path + ".1"), Path.of(path + ".2"))) {
      for (String line : Files.readAllLines(p)) {
        assertThat(JSON.readTree(line).get("schema").asText()).isEqualTo("warden.alert/v1");
        assertThat(line.length() + 1).isLessThanOrEqualTo(2 * lineLength + 5);
      }
    }
  }

  @Test
  void cefFormatWritesOneCefLinePerAlert() throws Exception {
    Path path = dir.resolve("alerts.cef");
    try (Alerts alerts = Alerts.start(file(path, Format.CEF, 1 << 20, 1), "1.0")) {
      alerts.publish(Exchanges.denied("c1", SyslogSinkTest.NASTY, "persona:tools"));
    }
    List<String> lines = Files.readAllLines(path);
    assertThat(lines).singleElement().satisfies(l -> assertThat(l).startsWith("CEF:0|Warden|"));
    assertThat(SyslogSinkTest.cefExtension(SyslogSinkTest.cefHeader(lines.get(0)).get(7)))
        .containsEntry("cs3", SyslogSinkTest.NASTY);
  }
}
