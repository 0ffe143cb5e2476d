package dev.warden.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one client's {@code subscriptions/listen} stream opened upstream for itself alone (the
 * resource subscriptions of 2026-07-28 servers): the notifications they bring, held until the
 * stream attaches its sink, and why they ended if one did. Closing it closes them all; the stream
 * does so when it ends, whichever side ends it.
 */
public final class ListenUpstreams implements AutoCloseable {
  /** Notifications held before the stream attaches (it does so right after the agreement). */
  static final int MAX_EARLY = 256;

  private final List<ResourceSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final List<byte[]> early = new ArrayList<>();
  private Session.EventSink sink;
  private String failure;
  private volatile boolean closed;

  /** Keeps {@code subscription} to close with the stream (at once if that has ended). */
  public void add(ResourceSubscription subscription) {
    subscriptions.add(subscription);
    if (closed) {
      subscription.close();
    }
  }

  /** True when nothing was opened upstream for the stream. */
  public boolean isEmpty() {
    return subscriptions.isEmpty();
  }

  /** A notification for this stream alone (a serialized JSON-RPC message). */
  public synchronized void deliver(byte[] message) {
    if (sink != null) {
      sink.send(message);
    } else if (early.size() < MAX_EARLY) {
      early.add(message);
    }
  }

  /** One of the subscriptions ended for good: the stream is to end, saying {@code why}. */
  public void fail(String why) {
    Session.EventSink s;
    synchronized (this) {
      if (failure == null) {
        failure = why;
      }
      s = sink;
    }
    if (s != null) {
      s.close();
    }
  }

  /** Why the stream is to end, when a subscription ended for good. */
  public synchronized Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The stream's sink: what was held goes to it first; a failure already known closes it. */
  public synchronized void attach(Session.EventSink s) {
    sink = s;
    early.forEach(s::send);
    early.clear();
    if (failure != null) {
      s.close();
    }
  }

  /** Closes every subscription upstream; idempotent. */
  @Override
  public void close() {
    closed = true;
    subscriptions.forEach(ResourceSubscription::close);
  }
}
