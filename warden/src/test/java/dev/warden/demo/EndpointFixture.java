package dev.warden.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** One {@link McpServerEndpoint} on a loopback Jetty, and raw HTTP calls to it. */
final class EndpointFixture implements AutoCloseable {
  private final Server server;
  private final McpServerEndpoint endpoint;
  private final HttpClient http = HttpClient.newHttpClient();
  final URI uri;

  EndpointFixture(McpServerSpec spec) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server = new Server(pool);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    endpoint = new McpServerEndpoint(spec);
    server.setHandler(endpoint);
    server.start();
    uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
  }

  McpServerEndpoint endpoint() {
    return endpoint;
  }

  HttpRequest.Builder request() {
    return HttpRequest.newBuilder(uri)
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json");
  }

  HttpResponse<String> post(String body, String sessionId) throws IOException {
    HttpRequest.Builder b = request().POST(HttpRequest.BodyPublishers.ofString(body));
    if (sessionId != null) {
      b.header("Mcp-Session-Id", sessionId);
    }
    return send(b.build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Initializes a session asking for {@code version} and returns its id. */
  String initialize(String version) throws IOException {
    HttpResponse<String> r =
        post(
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",
             "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"""
                .formatted(version),
            null);
    return r.headers().firstValue("Mcp-Session-Id").orElseThrow();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      http.close();
    }
  }
}
