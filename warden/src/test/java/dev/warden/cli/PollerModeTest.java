package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway asks the JDK for platform poller threads unless the operator chose a mode. */
class PollerModeTest {
  @Test
  void setsPlatformPollersOnlyWhenUnset() {
    String before = System.getProperty("jdk.pollerMode");
    try {
      System.clearProperty("jdk.pollerMode");
      Main.pollSocketsFromPlatformThreads();
      assertThat(System.getProperty("jdk.pollerMode")).isEqualTo("1");

      System.setProperty("jdk.pollerMode", "2");
      Main.pollSocketsFromPlatformThreads();
      assertThat(System.getProperty("jdk.pollerMode")).isEqualTo("2");
    } finally {
      if (before == null) {
        System.clearProperty("jdk.pollerMode");
      } else {
        System.setProperty("jdk.pollerMode", before);
      }
    }
  }
}
