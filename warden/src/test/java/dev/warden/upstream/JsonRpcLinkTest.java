package dev.warden.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.mcp.CallStop;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A call over a stdio or legacy SSE link that its client stops (left, or cancelled). */
class JsonRpcLinkTest {
  private static final byte[] CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"t\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private final List<String> written = new CopyOnWriteArrayList<>();
  private final JsonRpcLink link =
      new JsonRpcLink(
          "s", m -> written.add(new String(m, StandardCharsets.UTF_8)), Duration.ofSeconds(30));

  private UpstreamReply send(CallStop stop) throws Exception {
    return ScopedValue.where(CallStop.CURRENT, stop).call(() -> link.send(CALL));
  }

  @Test
  void aStoppedCallEndsItsReplyAndTellsTheServerUnderItsLinkId() throws Exception {
    CallStop stop = new CallStop();
    UpstreamReply reply = send(stop);
    assertThat(written.getFirst()).contains("\"id\":\"warden-1\"");

    stop.stop();

    assertThatThrownBy(() -> reply.body().read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cancelled");
    assertThat(written.getLast())
        .contains("notifications/cancelled")
        .contains("\"requestId\":\"warden-1\"");
  }

  @Test
  void aStopAfterTheAnswerCameTellsTheServerNothing() throws Exception {
    CallStop stop = new CallStop();
    UpstreamReply reply = send(stop);
    link.receive(
        "{\"jsonrpc\":\"2.0\",\"id\":\"warden-1\",\"result\":{}}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(reply.body().readAllBytes(), StandardCharsets.UTF_8))
        .contains("\"result\"");

    stop.stop();

    assertThat(written).noneMatch(m -> m.contains("notifications/cancelled"));
  }
}
