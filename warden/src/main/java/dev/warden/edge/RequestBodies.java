package dev.warden.edge;

import dev.warden.edge.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads Jetty request bodies (the admin port) under a size limit, the same way the agent-facing
 * port does ({@link HttpRequest#readLimited}).
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** The whole body, or null when it is longer than {@code max} bytes (the rest then drained). */
  public static byte[] read(Request request, long max) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      return HttpRequest.readLimited(in, request.getLength(), max);
    }
  }
}
