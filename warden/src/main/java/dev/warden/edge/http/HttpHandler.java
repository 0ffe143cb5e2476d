package dev.warden.edge.http;

import java.io.IOException;

/** Answers one request; runs on the connection's thread and may block. */
@FunctionalInterface
public interface HttpHandler {
  /**
   * Answers {@code request} through {@code response}. An {@link IOException} means the client went
   * away and ends the connection; what the handler did not send is completed by the server.
   */
  void handle(HttpRequest request, HttpResponse response) throws IOException;
}
