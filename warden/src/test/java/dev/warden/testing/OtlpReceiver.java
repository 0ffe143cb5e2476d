package dev.warden.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real OTLP collector endpoint on 127.0.0.1 for tests: gRPC (HTTP/2 cleartext, the gRPC framing
 * and trailers) and HTTP/protobuf ({@code /v1/traces}, {@code /v1/logs}) on one port. It decodes
 * every export with the OTLP protobuf messages and keeps the spans and log records with their
 * resources, and the headers each export came with.
 */
public final class OtlpReceiver implements AutoCloseable {
  static final String GRPC_TRACES = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
  static final String GRPC_LOGS = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";

  /** A span with the resource it was exported under. */
  public record ReceivedSpan(Resource resource, Span span) {}

  /** A log record with the resource it was exported under. */
  public record ReceivedLog(Resource resource, LogRecord log) {}

  /** One export request: path, HTTP version and headers (names in lower case). */
  public record Export(String path, String protocol, Map<String, String> headers) {}

  private final Server server = new Server();
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
  private final List<Export> exports = new CopyOnWriteArrayList<>();

  private OtlpReceiver() throws Exception {
    HttpConfiguration config = new HttpConfiguration();
    ServerConnector connector =
        new ServerConnector(
            server, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            serve(request, response, callback);
            return true;
          }
        });
    server.start();
  }

  public static OtlpReceiver start() throws Exception {
    return new OtlpReceiver();
  }

  /** The base URL (gRPC endpoint, and base of the HTTP/protobuf paths). */
  public URI url() {
    return URI.create(
        "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  public List<ReceivedLog> logs() {
    return List.copyOf(logs);
  }

  public List<Export> exports() {
    return List.copyOf(exports);
  }

  /** Waits (bounded) until {@code done} holds for what arrived; false when it never did. */
  public boolean await(Predicate<OtlpReceiver> done, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!done.test(this)) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(25);
    }
    return true;
  }

  private void serve(Request request, Response response, Callback callback) throws IOException {
    String path = request.getHttpURI().getPath();
    Map<String, String> headers = new ConcurrentHashMap<>();
    request.getHeaders().forEach(f -> headers.put(f.getLowerCaseName(), f.getValue()));
    exports.add(
        new Export(path, request.getConnectionMetaData().getProtocol(), Map.copyOf(headers)));
    byte[] body = Content.Source.asInputStream(request).readAllBytes();
    String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
    try {
      if (type.startsWith("application/grpc")) {
        grpc(path, unframe(body), response, callback);
      } else if (type.startsWith("application/x-protobuf")) {
        MessageLite answer = accept(path, body);
        response.setStatus(answer == null ? 404 : 200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-protobuf");
        response.write(
            true, ByteBuffer.wrap(answer == null ? new byte[0] : answer.toByteArray()), callback);
      } else {
        Response.writeError(request, response, callback, 415);
      }
    } catch (InvalidProtocolBufferException e) {
      Response.writeError(request, response, callback, 400);
    }
  }

  private void grpc(String path, byte[] message, Response response, Callback callback)
      throws InvalidProtocolBufferException {
    String method =
        path.equals(GRPC_TRACES) ? "/v1/traces" : path.equals(GRPC_LOGS) ? "/v1/logs" : "";
    MessageLite answer = accept(method, message);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/grpc");
    String status = answer == null ? "12" : "0"; // UNIMPLEMENTED for an unknown service
    response.setTrailersSupplier(() -> HttpFields.build().put("grpc-status", status));
    byte[] payload = answer == null ? new byte[0] : answer.toByteArray();
    ByteBuffer framed = ByteBuffer.allocate(5 + payload.length);
    framed.put((byte) 0).putInt(payload.length).put(payload).flip();
    response.write(true, answer == null ? ByteBuffer.allocate(0) : framed, callback);
  }

  /** Stores an export; the answer to send, or null for an unknown path. */
  private MessageLite accept(String path, byte[] body) throws InvalidProtocolBufferException {
    switch (path) {
      case "/v1/traces" -> {
        ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(body);
        req.getResourceSpansList()
            .forEach(
                rs ->
                    rs.getScopeSpansList()
                        .forEach(
                            ss ->
                                ss.getSpansList()
                                    .forEach(
                                        s -> spans.add(new ReceivedSpan(rs.getResource(), s)))));
        return ExportTraceServiceResponse.getDefaultInstance();
      }
      case "/v1/logs" -> {
        ExportLogsServiceRequest req = ExportLogsServiceRequest.parseFrom(body);
        req.getResourceLogsList()
            .forEach(
                rl ->
                    rl.getScopeLogsList()
                        .forEach(
                            sl ->
                                sl.getLogRecordsList()
                                    .forEach(l -> logs.add(new ReceivedLog(rl.getResource(), l)))));
        return ExportLogsServiceResponse.getDefaultInstance();
      }
      default -> {
        return null;
      }
    }
  }

  /** The one message of a gRPC request body: flag byte, 4-byte length, then the message. */
  private static byte[] unframe(byte[] body) throws InvalidProtocolBufferException {
    if (body.length < 5 || body[0] != 0) {
      throw new InvalidProtocolBufferException("not an uncompressed gRPC message");
    }
    int length = ByteBuffer.wrap(body, 1, 4).getInt();
    if (length != body.length - 5) {
      throw new InvalidProtocolBufferException("gRPC length prefix does not match the body");
    }
    byte[] out = new byte[length];
    System.arraycopy(body, 5, out, 0, length);
    return out;
  }

  /** Attribute values of a span or log record by key, as text. */
  public static Map<String, String> attributes(
      List<io.opentelemetry.proto.common.v1.KeyValue> attributes) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (var kv : attributes) {
      var v = kv.getValue();
      String text =
          switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case ARRAY_VALUE -> {
              List<String> items = new ArrayList<>();
              v.getArrayValue().getValuesList().forEach(i -> items.add(i.getStringValue()));
              yield String.join(",", items);
            }
            default -> v.toString();
          };
      out.put(kv.getKey(), text);
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
