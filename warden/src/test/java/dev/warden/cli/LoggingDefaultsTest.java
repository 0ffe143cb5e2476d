package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The jar's own logging configuration (tests run with logback-test.xml instead). */
class LoggingDefaultsTest {
  @Test
  void jettyNeverTracesHeadersByDefault() throws Exception {
    URL shipped = LoggingDefaultsTest.class.getResource("/logback.xml");
    assertThat(shipped).as("warden/src/main/resources/logback.xml").isNotNull();
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(shipped);

    // Their DEBUG lines print whole request and response headers, credentials included.
    for (String traced :
        new String[] {
          "org.eclipse.jetty.http.HttpParser",
          "org.eclipse.jetty.client.transport.HttpSender",
          "org.eclipse.jetty.client.transport.HttpReceiver",
          "org.eclipse.jetty.server.internal.HttpConnection"
        }) {
      assertThat(context.getLogger(traced).isDebugEnabled()).as(traced).isFalse();
    }
    assertThat(context.getLogger("dev.warden.gateway.Gateway").isInfoEnabled()).isTrue();
    context.stop();
  }
}
