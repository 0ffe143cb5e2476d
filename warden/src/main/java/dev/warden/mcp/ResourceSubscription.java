package dev.warden.mcp;

import java.util.List;

/**
 * Resource updates an upstream sends on a stream of its own, opened for one listener and some URIs:
 * what a server of the 2026-07-28 era gives for a {@code subscriptions/listen} whose filter names
 * {@code resourceSubscriptions}. Closing it closes the stream upstream.
 */
public interface ResourceSubscription extends AutoCloseable {
  /** Hears what happens on the stream; called on the stream's own thread. */
  interface Listener {
    /** The server announced {@code notifications/resources/updated} for an acknowledged URI. */
    void updated(String uri);

    /**
     * The stream broke and was opened again with every URI acknowledged anew; updates the server
     * sent meanwhile were lost, so any of {@code uris} may have changed.
     */
    void resumed(List<String> uris);

    /** The stream ended and could not be opened again; no more updates come. */
    void ended(String why);
  }

  /** The URIs the server acknowledged, in the order asked; empty when it took none. */
  List<String> acknowledged();

  /** Stops the updates and closes the stream upstream; idempotent. */
  @Override
  void close();
}
