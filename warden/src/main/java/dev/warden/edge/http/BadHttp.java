package dev.warden.edge.http;

import java.io.IOException;

/**
 * A request the server refuses before any handler sees it: malformed framing, a head over the
 * limit, an unsupported version or coding. The connection answers with {@link #status()} and
 * closes, since after a framing error nothing on it can be trusted.
 */
final class BadHttp extends IOException {
  private final int status;

  BadHttp(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
