package dev.warden.edge;

import dev.warden.edge.http.HttpResponse;
import dev.warden.mcp.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client's standalone event stream (GET): the gateway's own notifications for the session (list
 * changes) go out on it. The serving virtual thread waits on a queue; a comment line every
 * keep-alive period keeps proxies from closing an idle stream and notices a vanished client.
 */
final class EventStreams {
  /** The comment an idle event stream gets (clients ignore comments). */
  static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private static final int MAX_QUEUED = 1024;

  private final Duration keepAlive;

  EventStreams(Duration keepAlive) {
    this.keepAlive = keepAlive;
  }

  long serve(HttpResponse response, Session session) throws IOException {
    QueueSink sink = new QueueSink();
    ReplyWriter.eventStreamHeaders(response);
    session.addSink(sink);
    long written = 0;
    try (OutputStream out = response.body()) {
      out.flush(); // commit the headers so the client knows the stream is open
      while (!sink.closed && !session.isClosed()) {
        byte[] message = sink.queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
          out.write(KEEP_ALIVE);
          out.flush();
        } else if (message.length > 0) {
          written += ReplyWriter.event(out, new String(message, StandardCharsets.UTF_8));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.removeSink(sink);
    }
    return written;
  }

  static final class QueueSink implements Session.EventSink {
    final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    volatile boolean closed;

    @Override
    public boolean send(byte[] message) {
      return !closed && queue.offer(message);
    }

    @Override
    public void close() {
      closed = true;
      queue.offer(new byte[0]); // wake the serving thread
    }
  }
}
