package dev.warden.gateway;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.Secret;
import dev.warden.config.ServerConfig;
import dev.warden.config.SessionsConfig;
import dev.warden.config.WardenConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several gateway replicas behind one address: with the same session keys, any replica serves any
 * session, with nothing shared between them but the configuration; an id that was altered, sealed
 * with another key, or shown by another agent does not exist.
 */
class ReplicasIT {
  static final String SECRET = "Zq3v9x0Lr8TtXc2M1nY7bP4sKw6Hd5Fj0aUeGi9oRl3QyBmVhC";
  static final String OTHER_SECRET = "pA8dK2wQ7zN4vL1xR6tY3hB9mC5sF0gJ2eU7iO4kW8nZ1qT6yX";
  static final String BOT_KEY = "key-bot-replicas";
  static final String OTHER_KEY = "key-other-replicas";

  static SdkUpstream backend;
  static GatewayHarness a;
  static GatewayHarness b;
  static GatewayHarness foreign;
  static GatewayHarness keyless;

  @BeforeAll
  static void start() throws Exception {
    backend = SdkUpstream.start("backend", Map.of("echo", args -> "echo " + args.get("text")));
    WardenConfig base =
        GatewayHarness.config(
            List.of(ServerConfig.streamableHttp("backend", backend.url())),
            List.of(persona("all", "backend__*"), persona("other", "backend__*")),
            List.of(agent("bot", BOT_KEY, "all", "other"), agent("other", OTHER_KEY, "all")));
    a = GatewayHarness.start(base.withSessions(keys(SECRET)));
    b = GatewayHarness.start(base.withSessions(keys(SECRET)));
    foreign = GatewayHarness.start(base.withSessions(keys(OTHER_SECRET)));
    keyless = GatewayHarness.start(base);
  }

  static SessionsConfig keys(String secret) {
    return new SessionsConfig(
        List.of(new SessionsConfig.Key("k1", Secret.of(secret, "env:WARDEN_SESSION_KEY"))),
        Optional.empty());
  }

  @AfterAll
  static void stop() throws Exception {
    for (GatewayHarness h : new GatewayHarness[] {a, b, foreign, keyless}) {
      if (h != null) {
        h.close();
      }
    }
    backend.close();
  }

  static Reply echo(RawMcp client, String session, String text) {
    return client.callTool(session, "backend__echo", Map.of("text", text));
  }

  static String text(Reply reply) {
    return reply.result().path("content").path(0).path("text").asText();
  }

  @Test
  void oneSessionsRequestsAlternateBetweenTwoReplicas() {
    RawMcp onA = a.raw("all", BOT_KEY);
    RawMcp onB = b.raw("all", BOT_KEY);
    String session = onA.initialize();
    assertThat(session).hasSizeLessThan(300).matches("[A-Za-z0-9_-]+");
    int before = backend.calls().size();

    for (int i = 0; i < 6; i++) {
      RawMcp client = i % 2 == 0 ? onB : onA;
      Reply reply = echo(client, session, "call-" + i);
      assertThat(reply.status()).as("call %d", i).isEqualTo(200);
      assertThat(reply.result().path("isError").asBoolean()).isFalse();
      assertThat(text(reply)).isEqualTo("echo call-" + i);
      assertThat(reply.header("Mcp-Session-Id")).isIn(null, session);
    }
    Reply list = onB.call(session, "tools/list", "{}");
    assertThat(list.result().path("tools").findValuesAsText("name")).contains("backend__echo");
    assertThat(onB.call(session, "ping", "{}").status()).isEqualTo(200);

    assertThat(backend.calls().subList(before, backend.calls().size()))
        .extracting(c -> c.arguments().get("text"))
        .containsExactly("call-0", "call-1", "call-2", "call-3", "call-4", "call-5");
    assertThat(b.gateway().sessions().all()).anySatisfy(s -> assertThat(s.id()).isEqualTo(session));
  }

  @Test
  void eachReplicaOpensItsOwnUpstreamSessionForTheResumedSession() {
    RawMcp onA = a.raw("all", BOT_KEY);
    RawMcp onB = b.raw("all", BOT_KEY);
    String session = onA.initialize();
    int seen = backend.requests().size();
    for (int i = 0; i < 4; i++) {
      assertThat(echo(i % 2 == 0 ? onA : onB, session, "u" + i).status()).isEqualTo(200);
    }
    // Two initializes upstream (one per replica), then each replica reuses its own session.
    List<String> upstreamSessions =
        backend.requests().subList(seen, backend.requests().size()).stream()
            .map(r -> r.headers().get("mcp-session-id"))
            .filter(id -> id != null)
            .distinct()
            .collect(Collectors.toList());
    assertThat(upstreamSessions).hasSize(2);
  }

  @Test
  void aReplicaWithAnotherKeyOrNoSharedKeyDoesNotKnowTheSession() {
    String session = a.raw("all", BOT_KEY).initialize();
    assertThat(echo(foreign.raw("all", BOT_KEY), session, "x").status()).isEqualTo(404);
    assertThat(echo(keyless.raw("all", BOT_KEY), session, "x").status()).isEqualTo(404);
    String keylessSession = keyless.raw("all", BOT_KEY).initialize();
    assertThat(echo(a.raw("all", BOT_KEY), keylessSession, "x").status()).isEqualTo(404);
  }

  @Test
  void anotherAgentOrPersonaPresentingTheIdIsRefused() {
    String session = a.raw("all", BOT_KEY).initialize();
    int before = backend.calls().size();
    assertThat(echo(b.raw("all", OTHER_KEY), session, "x").status()).isEqualTo(404);
    assertThat(echo(a.raw("all", OTHER_KEY), session, "x").status()).isEqualTo(404);
    assertThat(echo(b.raw("other", BOT_KEY), session, "x").status()).isEqualTo(404);
    assertThat(backend.calls()).hasSize(before);
    assertThat(echo(b.raw("all", BOT_KEY), session, "mine").status()).isEqualTo(200);
  }

  @Test
  void anAlteredIdIsRefused() {
    String session = a.raw("all", BOT_KEY).initialize();
    RawMcp onB = b.raw("all", BOT_KEY);
    for (int i : new int[] {0, 3, session.length() / 2, session.length() - 2}) {
      char c = session.charAt(i) == 'A' ? 'B' : 'A';
      String altered = session.substring(0, i) + c + session.substring(i + 1);
      assertThat(echo(onB, altered, "x").status()).as("position %d", i).isEqualTo(404);
    }
  }

  @Test
  void deleteEndsTheSessionOnTheReplicaThatReceivesIt() {
    RawMcp onA = a.raw("all", BOT_KEY);
    RawMcp onB = b.raw("all", BOT_KEY);
    String session = onA.initialize();
    assertThat(echo(onB, session, "before").status()).isEqualTo(200);
    assertThat(onB.bodiless("DELETE", session).status()).isEqualTo(200);
    assertThat(echo(onB, session, "after").status()).isEqualTo(404);
    assertThat(onB.bodiless("DELETE", session).status()).isEqualTo(404);
  }
}
