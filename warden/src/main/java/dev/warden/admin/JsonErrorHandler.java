package dev.warden.admin;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before or around {@link AdminEndpoint} (a malformed URI, oversized headers, a
 * failure in the handler) in the admin API's error shape instead of an HTML page. The message is
 * the status's reason phrase only: exception text stays in the log.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    String reason = HttpStatus.getMessage(status);
    String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    Reply reply = Reply.error(status, code, reason);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }
}
