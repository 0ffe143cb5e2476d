package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Which hosts count as this machine's own. */
class OriginGuardTest {
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  @Property(tries = 5000)
  void ipv4LoopbackReadsAsTheExpression(@ForAll("hosts") String host) {
    assertThat(OriginGuard.ipv4Loopback(host))
        .as(host)
        .isEqualTo(IPV4_LOOPBACK.matcher(host).matches());
  }

  @Test
  void loopbackNamesAndAddresses() {
    assertThat(OriginGuard.isLoopbackHost("localhost")).isTrue();
    assertThat(OriginGuard.isLoopbackHost("app.localhost")).isTrue();
    assertThat(OriginGuard.isLoopbackHost("[::1]")).isTrue();
    assertThat(OriginGuard.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(OriginGuard.isLoopbackHost("127.255.10.9")).isTrue();
    assertThat(OriginGuard.isLoopbackHost("127.0.0.1.evil.example")).isFalse();
    assertThat(OriginGuard.isLoopbackHost("128.0.0.1")).isFalse();
    assertThat(OriginGuard.isLoopbackHost("localhost.evil.example")).isFalse();
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> parts =
        Arbitraries.of("127", ".", "0", "1", "25", "255", "1000", "a", "", "..");
    return parts.list().ofMaxSize(9).map(l -> String.join("", l));
  }
}
