package dev.warden.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ServerConfig;
import dev.warden.testing.Eventually;
import dev.warden.testing.GatewayHarness;
import dev.warden.testing.RawMcp;
import dev.warden.testing.RelayTools;
import dev.warden.testing.SdkUpstream;
import dev.warden.testing.StatelessMcp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2026-07-28 client (hand-built requests: no SDK speaks it yet) calling tools of an official MCP
 * SDK server of the stateful era that ask the client for input: the upstream's sampling and
 * elicitation requests become {@code input_required} results, and the client's retry with {@code
 * inputResponses} carries the answer back and receives the original call's result.
 */
@Timeout(60)
class InputRequiredIT {
  private static final String KEY = "input-required-key-1";
  private static final List<String> upstreamFailures = new CopyOnWriteArrayList<>();
  private static SdkUpstream upstream;
  private static GatewayHarness gateway;

  /** The same upstream with a 2 s call timeout, which bounds how long a call stays parked. */
  private static GatewayHarness impatient;

  /** The same upstream with answers streamed through unread, so a client can drop mid-answer. */
  private static GatewayHarness streaming;

  @BeforeAll
  static void start() throws Exception {
    upstream = SdkUpstream.start("helper", Map.of("echo", args -> "echo"));
    RelayTools.askUser(upstream, upstreamFailures::add);
    RelayTools.askModel(upstream);
    RelayTools.askThenSlow(upstream);
    ServerConfig helper = upstream.server();
    gateway = GatewayHarness.start(GatewayHarness.config(KEY, helper));
    impatient =
        GatewayHarness.start(GatewayHarness.config(KEY, helper.withTimeout(Duration.ofSeconds(2))));
    // The held upstream session and cold code are paid for here, not inside the 2 s timeout
    // (a loaded machine once took longer than that for the first call).
    ObjectNode echo = StatelessMcp.object().put("name", "helper__echo");
    echo.putObject("arguments");
    new StatelessMcp(impatient.raw("p", KEY)).call("tools/call", "helper__echo", echo);
    streaming =
        GatewayHarness.start(
            GatewayHarness.withStreamedAnswers(GatewayHarness.config(KEY, helper)));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    impatient.close();
    streaming.close();
    upstream.close();
  }

  /** tools/call params with client capabilities and, for a retry, the answer and state. */
  private static ObjectNode call(String tool, String capability, JsonNode answer, String state) {
    ObjectNode params = StatelessMcp.object();
    params.put("name", tool);
    params.putObject("arguments");
    ObjectNode caps =
        params.putObject("_meta").putObject("io.modelcontextprotocol/clientCapabilities");
    if (capability != null) {
      caps.putObject(capability);
    }
    if (answer != null) {
      params.putObject("inputResponses").set("warden-1", answer);
    }
    if (state != null) {
      params.put("requestState", state);
    }
    return params;
  }

  private static RawMcp.Reply send(StatelessMcp client, String tool, ObjectNode params) {
    return client.call("tools/call", tool, params);
  }

  private static String text(RawMcp.Reply r) {
    return r.result().path("content").get(0).path("text").asText();
  }

  @Test
  void elicitationBecomesInputRequiredAndTheRetryGetsTheResult() {
    StatelessMcp client = new StatelessMcp(gateway.raw("p", KEY));
    RawMcp.Reply first =
        send(client, "helper__ask_user", call("helper__ask_user", "elicitation", null, null));
    JsonNode asked = first.result();
    assertThat(asked.path("resultType").asText()).isEqualTo("input_required");
    JsonNode request = asked.path("inputRequests").path("warden-1");
    assertThat(request.path("method").asText()).isEqualTo("elicitation/create");
    assertThat(request.path("params").path("message").asText()).isEqualTo("Your name?");
    String state = asked.path("requestState").asText();
    assertThat(state).startsWith("warden-mrtr-");

    ObjectNode answer = StatelessMcp.object().put("action", "accept");
    answer.putObject("content").put("name", "Ada");
    RawMcp.Reply retry =
        send(client, "helper__ask_user", call("helper__ask_user", "elicitation", answer, state));
    assertThat(retry.result().path("resultType").asText()).isEqualTo("complete");
    assertThat(text(retry)).isEqualTo("user ACCEPT {name=Ada}");
    assertThat(retry.response().path("id").asText())
        .isNotEqualTo(first.response().path("id").asText());
  }

  @Test
  void aClientThatDropsTheResumedCallCancelsItUnderTheIdTheServerKnows() throws Exception {
    StatelessMcp client = new StatelessMcp(streaming.raw("p", KEY));
    ObjectNode params = call("helper__ask_then_slow", "elicitation", null, null);
    ((ObjectNode) params.get("_meta")).put("progressToken", "p-resumed");
    RawMcp.Reply first = send(client, "helper__ask_then_slow", params);
    String firstId = first.response().path("id").asText();
    String state = first.result().path("requestState").asText();
    assertThat(first.result().path("resultType").asText()).isEqualTo("input_required");

    ObjectNode retry =
        call(
            "helper__ask_then_slow",
            "elicitation",
            StatelessMcp.object().put("action", "accept"),
            state);
    ((ObjectNode) retry.get("_meta")).put("progressToken", "p-resumed");
    String body = client.body("tools/call", retry);
    String retryId =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("id").asText();
    assertThat(retryId).isNotEqualTo(firstId);
    URI endpoint = streaming.raw("p", KEY).endpoint();
    try (Socket socket = new Socket("127.0.0.1", endpoint.getPort())) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("POST " + endpoint.getPath() + " HTTP/1.1\r\n");
      client
          .headers("tools/call", "helper__ask_then_slow")
          .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Host: 127.0.0.1\r\nContent-Length: ").append(bytes.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      String seen = "";
      while (!seen.contains("p-resumed")) { // a progress event: the resumed call runs upstream
        byte[] chunk = new byte[4096];
        int n = in.read(chunk);
        assertThat(n).as("answer so far: " + seen).isPositive();
        seen += new String(chunk, 0, n, StandardCharsets.UTF_8);
      }
    }
    Eventually.within(
        Duration.ofSeconds(20),
        () ->
            upstream.bodies().stream()
                .anyMatch(
                    b ->
                        b.contains("notifications/cancelled")
                            && b.contains("\"requestId\":\"" + firstId + "\"")));
  }

  @Test
  void samplingBecomesInputRequiredToo() {
    StatelessMcp client = new StatelessMcp(gateway.raw("p", KEY));
    RawMcp.Reply first =
        send(client, "helper__ask_model", call("helper__ask_model", "sampling", null, null));
    assertThat(first.result().path("inputRequests").path("warden-1").path("method").asText())
        .isEqualTo("sampling/createMessage");
    ObjectNode answer = StatelessMcp.object().put("role", "assistant").put("model", "m");
    answer.putObject("content").put("type", "text").put("text", "four");
    RawMcp.Reply retry =
        send(
            client,
            "helper__ask_model",
            call(
                "helper__ask_model",
                "sampling",
                answer,
                first.result().path("requestState").asText()));
    assertThat(text(retry)).isEqualTo("model said four");
  }

  @Test
  void aClientWithoutTheCapabilityIsNeverAskedAndGetsAnAnswerFast() {
    StatelessMcp client = new StatelessMcp(gateway.raw("p", KEY));
    long start = System.nanoTime();
    RawMcp.Reply r = send(client, "helper__ask_model", call("helper__ask_model", null, null, null));
    assertThat(r.body()).doesNotContain("input_required").containsIgnoringCase("sampling");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anUnknownRequestStateFailsClearly() {
    StatelessMcp client = new StatelessMcp(gateway.raw("p", KEY));
    ObjectNode answer = StatelessMcp.object().put("action", "decline");
    RawMcp.Reply r =
        send(
            client,
            "helper__ask_user",
            call("helper__ask_user", "elicitation", answer, "warden-mrtr-not-a-real-one"));
    assertThat(r.errorCode()).isEqualTo(-32602);
    assertThat(r.errorMessage()).contains("requestState").contains("replica");
  }

  @Test
  void aCallWhoseRetryNeverComesIsDroppedAndTheUpstreamTold() throws Exception {
    StatelessMcp client = new StatelessMcp(impatient.raw("p", KEY));
    RawMcp.Reply first =
        send(client, "helper__ask_user", call("helper__ask_user", "elicitation", null, null));
    String state = first.result().path("requestState").asText();
    assertThat(state).startsWith("warden-mrtr-");
    int failuresBefore = upstreamFailures.size();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (upstreamFailures.size() == failuresBefore) {
      assertThat(System.nanoTime()).as("upstream not told within 10 s").isLessThan(end);
      Thread.sleep(100);
    }
    ObjectNode answer = StatelessMcp.object().put("action", "accept");
    answer.putObject("content").put("name", "Late");
    RawMcp.Reply late =
        send(client, "helper__ask_user", call("helper__ask_user", "elicitation", answer, state));
    assertThat(late.errorMessage()).contains("requestState is not waiting");
  }
}
