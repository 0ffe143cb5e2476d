package dev.warden.alert;

/**
 * Where alerts go: a webhook, a syslog collector, a file. Only its {@link SinkQueue}'s one thread
 * calls it, so alerts leave in the order they were raised.
 */
interface AlertSink extends AutoCloseable {
  /**
   * Sends one alert, retrying as the sink sees fit.
   *
   * @return true when delivered, false when the sink gave up on it
   * @throws InterruptedException when shutdown cut the delivery short
   */
  boolean deliver(Alert alert) throws InterruptedException;

  @Override
  void close();
}
