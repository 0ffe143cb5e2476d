package dev.warden.identity;

import static dev.warden.testing.GatewayHarness.agent;
import static dev.warden.testing.GatewayHarness.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.ServerConfig;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RawMcp.Reply;
import dev.warden.testing.SdkUpstream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may talk to a persona endpoint, and how a client without credentials learns where to go. */
class AuthenticationIT {
  static final Pattern CHALLENGE = Pattern.compile("Bearer resource_metadata=\"([^\"]+)\".*");

  static SdkUpstream echo;
  static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    echo = SdkUpstream.start("echo", Map.of("echo", args -> "echo " + args.get("text")));
    harness =
        GatewayHarness.start(
            GatewayHarness.config(
                List.of(ServerConfig.streamableHttp("echo", echo.url())),
                List.of(persona("alpha", "echo__*"), persona("beta", "echo__*")),
                List.of(agent("bot", "key-bot", "alpha"), agent("beta-bot", "key-beta", "beta"))));
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    echo.close();
  }

  @Test
  void missingCredentialIs401WithAChallengeNamingTheResourceMetadata() throws Exception {
    Reply r = harness.raw("alpha", null).initializeReply("2025-11-25");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Mcp-Session-Id")).isNull();
    URI metadata = metadataUrl(r);
    assertThat(metadata.getPath())
        .isEqualTo("/.well-known/oauth-protected-resource/personas/alpha/mcp");

    Reply doc = harness.raw("alpha", null).send("GET", metadata, Map.of(), BodyPublishers.noBody());
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.contentType()).startsWith("application/json");
    JsonNode json = new ObjectMapper().readTree(doc.body());
    assertThat(json.path("resource").asText()).isEqualTo(harness.endpoint("alpha").toString());
    assertThat(json.path("bearer_methods_supported").toString()).contains("header");
  }

  @Test
  void everyHttpMethodNeedsTheCredential() {
    RawMcp owner = harness.raw("alpha", "key-bot");
    String session = owner.initialize();
    RawMcp anonymous = harness.raw("alpha", null);
    assertThat(anonymous.call(session, "tools/list", null).status()).isEqualTo(401);
    Reply get = anonymous.bodiless("GET", session);
    assertThat(get.status()).isEqualTo(401);
    assertThat(get.header("WWW-Authenticate")).startsWith("Bearer resource_metadata=");
    assertThat(anonymous.bodiless("DELETE", session).status()).isEqualTo(401);
    assertThat(owner.call(session, "tools/list", null).status()).isEqualTo(200);
  }

  @Test
  void wrongKeyIs401() {
    Reply r = harness.raw("alpha", "key-nobody").initializeReply("2025-11-25");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).matches(CHALLENGE);
    assertThat(r.errorCode()).isNotZero();
  }

  @Test
  void otherSchemesAre401() {
    RawMcp raw = harness.raw("alpha", null);
    for (String value : List.of("Basic a2V5LWJvdDo=", "key-bot", "Bearer", "bearer  ")) {
      Map<String, String> h = raw.headers(null);
      h.put("Authorization", value);
      assertThat(raw.post(h, raw.request("ping", null)).status()).as(value).isEqualTo(401);
    }
  }

  @Test
  void agentNotHoldingThePersonaIs403() {
    Reply r = harness.raw("beta", "key-bot").initializeReply("2025-11-25");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.header("Mcp-Session-Id")).isNull();
    assertThat(harness.raw("beta", "key-beta").initializeReply("2025-11-25").status())
        .isEqualTo(200);
  }

  @Test
  void unknownPersonaIs404() {
    Reply r = harness.raw("gamma", "key-bot").initializeReply("2025-11-25");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void sdkClientWithAWrongKeyCannotInitialize() {
    assertThatThrownBy(() -> harness.client("alpha", "key-wrong")).isInstanceOf(Exception.class);
    assertThat(echo.calls()).isEmpty();
  }

  private static URI metadataUrl(Reply r) {
    String challenge = r.header("WWW-Authenticate");
    assertThat(challenge).isNotNull();
    Matcher m = CHALLENGE.matcher(challenge);
    assertThat(m.matches()).as(challenge).isTrue();
    return URI.create(m.group(1));
  }
}
