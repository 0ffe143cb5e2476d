package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorApiTest {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  @Test
  void aCpuFeatureIsWhatTheFirstFlagsLineOfCpuinfoNames() throws Exception {
    assumeTrue(Files.isReadable(CPUINFO), "a system without /proc/cpuinfo");
    String flags =
        Files.readAllLines(CPUINFO).stream()
            .filter(l -> l.startsWith("flags"))
            .findFirst()
            .orElse("flags :");
    List<String> named = List.of(flags.substring(flags.indexOf(':') + 1).trim().split("\\s+"));
    assumeTrue(!named.get(0).isEmpty(), "a CPU whose flags the kernel does not list");

    assertThat(named).allSatisfy(f -> assertThat(VectorApi.cpuHas(f)).as(f).isTrue());
    assertThat(VectorApi.cpuHas("no_such_feature")).isFalse();
    assertThat(VectorApi.cpuHas("")).isFalse();
    assertThat(VectorApi.cpuHas(named.get(0).substring(1))).isFalse(); // not a prefix match
  }
}
