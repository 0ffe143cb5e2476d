package dev.warden.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.SseEvent;
import dev.warden.mcp.SseReader;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import dev.warden.mcp.UpstreamReply;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reads one whole response message out of an upstream reply, for gateway-owned exchanges. */
final class ReplyReader {
  /**
   * Gateway-owned replies (lists, initialize) are bounded; agents' replies are streamed instead.
   */
  static final int MAX_MESSAGE = 32 * 1024 * 1024;

  private static final ObjectMapper READER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
              .build());

  private ReplyReader() {}

  static ObjectNode response(
      String server,
      UpstreamReply reply,
      Consumer<ObjectNode> notifications,
      Consumer<ObjectNode> serverRequests)
      throws UpstreamException {
    try (reply) {
      if (reply.framing() == UpstreamReply.Framing.JSON) {
        ObjectNode message = parse(server, reply.readWhole(MAX_MESSAGE));
        return requireResponse(server, message);
      }
      SseReader events = new SseReader(reply.body(), MAX_MESSAGE);
      for (SseEvent e = events.next(); e != null; e = events.next()) {
        if (!e.isMessage() || e.data().isBlank()) {
          continue;
        }
        ObjectNode message =
            parse(server, e.data().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean hasMethod = message.has("method");
        if (!hasMethod) {
          return requireResponse(server, message);
        } else if (message.has("id")) {
          serverRequests.accept(message);
        } else {
          notifications.accept(message);
        }
      }
      throw new UpstreamException(server, Kind.PROTOCOL, "ended its stream without a response");
    } catch (IOException e) {
      throw new UpstreamException(
          server, Kind.UNREACHABLE, "stream broke (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static ObjectNode parse(String server, byte[] bytes) throws UpstreamException {
    if (bytes.length > MAX_MESSAGE) {
      throw new UpstreamException(
          server, Kind.PROTOCOL, "sent a message over " + MAX_MESSAGE + " bytes");
    }
    try {
      JsonNode node = READER.readTree(bytes);
      if (node instanceof ObjectNode obj) {
        return obj;
      }
    } catch (IOException e) {
      // fall through: not JSON
    }
    throw new UpstreamException(
        server, Kind.PROTOCOL, "sent something that is not a JSON-RPC message");
  }

  private static ObjectNode requireResponse(String server, ObjectNode message)
      throws UpstreamException {
    if (message.has("result") || message.has("error")) {
      return message;
    }
    throw new UpstreamException(server, Kind.PROTOCOL, "sent a message that is not a response");
  }

  static InputStream empty() {
    return InputStream.nullInputStream();
  }
}
