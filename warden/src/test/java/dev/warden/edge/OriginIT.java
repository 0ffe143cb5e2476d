package dev.warden.edge;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DNS rebinding and cross-site requests: browser Origins and Host names are checked first. */
class OriginIT {
  static SdkUpstream echo;
  static GatewayHarness harness;
  static RawMcp raw;

  @BeforeAll
  static void start() throws Exception {
    echo = SdkUpstream.start("echo", Map.of("echo", args -> "echo " + args.get("text")));
    harness =
        GatewayHarness.start(
            GatewayHarness.withAllowedOrigins(
                GatewayHarness.config(
                    List.of(ServerConfig.streamableHttp("echo", echo.url())),
                    List.of(persona("alpha", "echo__*")),
                    List.of(agent("bot", "key-bot", "alpha"))),
                List.of("https://console.example.com")));
    raw = harness.raw("alpha", "key-bot");
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  @Test
  void foreignOriginIs403() {
    for (String origin :
        List.of(
            "http://evil.example",
            "null",
            "http://localhost.evil.example",
            "http://127.0.0.1.evil.example:8080",
            "https://console.example.com.evil.example")) {
      Reply r = initializeFrom(origin);
      assertThat(r.status()).as(origin).isEqualTo(403);
      assertThat(r.header("Mcp-Session-Id")).as(origin).isNull();
    }
  }

  @Test
  void foreignOriginIsRefusedOnAnOpenSessionToo() {
    String session = raw.initialize();
    Map<String, String> h = raw.headers(session);
    h.put("Origin", "http://evil.example");
    assertThat(raw.post(h, raw.request("tools/list", null)).status()).isEqualTo(403);
    h.remove("Content-Type");
    assertThat(raw.send("GET", h, java.net.http.HttpRequest.BodyPublishers.noBody()).status())
        .isEqualTo(403);
    assertThat(raw.call(session, "tools/list", null).status()).isEqualTo(200);
  }

  @Test
  void loopbackAndConfiguredOriginsAreAllowed() {
    for (String origin :
        List.of(
            "http://localhost:3000",
            "http://127.0.0.1:5173",
            "http://[::1]:8080",
            "https://console.example.com")) {
      Reply r = initializeFrom(origin);
      assertThat(r.status()).as(origin).isEqualTo(200);
      assertThat(r.header("Mcp-Session-Id")).as(origin).isNotNull();
    }
  }

  @Test
  void foreignHostOnTheLoopbackListenerIs403() {
    URI endpoint = harness.endpoint("alpha");
    assertThat(postOverSocket(endpoint, "evil.example")).isEqualTo(403);
    assertThat(postOverSocket(endpoint, "evil.example:" + endpoint.getPort())).isEqualTo(403);
    assertThat(postOverSocket(endpoint, "127.0.0.1.evil.example")).isEqualTo(403);
    // The same request naming a loopback host passes the check (and, lacking a session, is 400).
    assertThat(postOverSocket(endpoint, "127.0.0.1:" + endpoint.getPort())).isEqualTo(400);
    assertThat(postOverSocket(endpoint, "localhost:" + endpoint.getPort())).isEqualTo(400);
  }

  private static int postOverSocket(URI endpoint, String host) {
    return RawMcp.overSocket(
        endpoint,
        "POST "
            + endpoint.getPath()
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nContent-Type: application/json\r\nAccept: "
            + RawMcp.ACCEPT
            + "\r\nAuthorization: Bearer key-bot",
        raw.request("tools/list", null));
  }

  private static Reply initializeFrom(String origin) {
    Map<String, String> h = raw.headers(null);
    h.put("Origin", origin);
    return raw.post(
        h,
        raw.request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"browser\",\"version\":\"1\"}}"));
  }
}
