package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaultsToTheFullMatrix() {
    BenchOptions o = BenchOptions.parse();
    assertThat(o.concurrency()).containsExactly(1, 16, 64);
    assertThat(o.payloads()).containsExactly("1k", "64k");
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(8));
    assertThat(o.wardenJar()).hasToString("warden/target/warden.jar");
    assertThat(o.audit()).isTrue();
    assertThat(o.inspection()).isTrue();
    assertThat(o.cases()).containsExactly(BenchCase.DEFAULT);
    assertThat(BenchCase.DEFAULT.label()).isEqualTo("http · 2025-11-25");
    assertThat(o.stdio()).isFalse();
  }

  @Test
  void runsEachEraWithEachTransport() {
    BenchOptions o = BenchOptions.parse("--era", "2025,2026", "--transport=http,stdio");
    assertThat(o.cases())
        .extracting(BenchCase::label)
        .containsExactly(
            "http · 2025-11-25", "http · 2026-07-28", "stdio · 2025-11-25", "stdio · 2026-07-28");
    assertThat(o.stdio()).isTrue();
    assertThat(BenchOptions.parse("--era", "2026-07-28").cases())
        .containsExactly(new BenchCase(BenchCase.Era.V2026, BenchCase.Transport.HTTP));
    assertThat(BenchOptions.parse("--transport", "STDIO,stdio").cases())
        .containsExactly(new BenchCase(BenchCase.Era.V2025, BenchCase.Transport.STDIO));
  }

  @Test
  void parsesFlagsWithSpaceOrEquals() {
    BenchOptions o =
        BenchOptions.parse(
            "--duration",
            "500ms",
            "--warmup=1",
            "--concurrency",
            "4,8",
            "--payloads=16K",
            "--gateway-jvm-args",
            "-Xmx1g -XX:+UseParallelGC",
            "--audit",
            "off");
    assertThat(o.duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.concurrency()).containsExactly(4, 8);
    assertThat(o.payloads()).containsExactly("16k");
    assertThat(o.gatewayJvmArgs()).isEqualTo(List.of("-Xmx1g", "-XX:+UseParallelGC"));
    assertThat(o.audit()).isFalse();
    assertThat(o.inspection()).isTrue();
    assertThat(o.eventLoops()).isEqualTo(BenchOptions.DEFAULT_LOOPS);
    assertThat(BenchOptions.parse("--event-loops", "0").eventLoops()).isZero();
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> BenchOptions.parse("--fast"))
        .hasMessageContaining("unknown option --fast");
    assertThatThrownBy(() -> BenchOptions.parse("--duration", "soon"))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> BenchOptions.parse("--gateway-launch", "in-code"))
        .hasMessageContaining("unknown option --gateway-launch");
    assertThatThrownBy(() -> BenchOptions.parse("--event-loops", "-1"))
        .hasMessageContaining("0 to 256");
    assertThatThrownBy(() -> BenchOptions.parse("--inspection", "maybe"))
        .hasMessageContaining("on or off");
    assertThatThrownBy(() -> BenchOptions.parse("--concurrency", "0"))
        .hasMessageContaining("1..1024");
    assertThatThrownBy(() -> BenchOptions.parse("--era", "2024"))
        .hasMessageContaining("--era is 2025 or 2026, got '2024'");
    assertThatThrownBy(() -> BenchOptions.parse("--transport", "http,sse"))
        .hasMessageContaining("--transport is http or stdio, got 'sse'");
    assertThatThrownBy(() -> BenchOptions.parse("--era"))
        .hasMessageContaining("--era needs a value");
  }
}
