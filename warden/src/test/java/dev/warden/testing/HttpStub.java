package dev.warden.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A tiny HTTP server on 127.0.0.1 that answers every request with whatever its script says: an
 * upstream that misbehaves on purpose (not JSON, broken JSON, wrong status).
 */
public final class HttpStub implements AutoCloseable {
  /** What arrived: method, a header lookup and the body. */
  public record Received(String method, Function<String, String> header, String body) {}

  /** What to answer; {@code headers} alternate names and values. */
  public record Answer(int status, String contentType, String body, List<String> headers) {
    public Answer(int status, String contentType, String body) {
      this(status, contentType, body, List.of());
    }
  }

  private final Server server = new Server();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private HttpStub(Function<Received, Answer> script) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            Received r =
                new Received(request.getMethod(), name -> request.getHeaders().get(name), body);
            received.add(r);
            Answer a = script.apply(r);
            response.setStatus(a.status());
            if (a.contentType() != null) {
              response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
            }
            for (int i = 0; i + 1 < a.headers().size(); i += 2) {
              response.getHeaders().put(a.headers().get(i), a.headers().get(i + 1));
            }
            Content.Sink.write(response, true, a.body(), callback);
            return true;
          }
        });
    server.start();
  }

  public static HttpStub start(Function<Received, Answer> script) throws Exception {
    return new HttpStub(script);
  }

  public URI url() {
    return URI.create(
        "http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/mcp");
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
