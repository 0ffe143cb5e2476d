package dev.warden.alert;

import dev.warden.config.AlertsConfig;
import dev.warden.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert as signed JSON. Answers 2xx count as delivered; 429, 5xx, timeouts and
 * connection failures are retried with backoff (honouring {@code Retry-After}); any other answer is
 * final, since sending the same body again would get the same refusal. The URL is never logged: it
 * may hold a token.
 */
final class WebhookSink implements AlertSink {
  static final String EVENT_HEADER = "X-Warden-Event";
  static final String DELIVERY_HEADER = "X-Warden-Delivery";
  static final String ATTEMPT_HEADER = "X-Warden-Attempt";
  private static final String JSON = "application/json";
  private static final Logger log = LoggerFactory.getLogger(WebhookSink.class);

  private record Attempt(
      boolean delivered, boolean retry, String outcome, Optional<Duration> retryAfter) {}

  private final AlertsConfig.Webhook config;
  private final URI url;
  private final byte[] secret;
  private final HttpClient http;
  private final Backoff backoff;
  private final String version;
  private final InstantSource clock;

  WebhookSink(
      AlertsConfig.Webhook config,
      HttpClient http,
      Backoff backoff,
      String version,
      InstantSource clock) {
    this.config = config;
    this.url = URI.create(config.url().reveal());
    this.secret = config.secret().reveal().getBytes(StandardCharsets.UTF_8);
    this.http = http;
    this.backoff = backoff;
    this.version = version;
    this.clock = clock;
  }

  @Override
  public boolean deliver(Alert alert) throws InterruptedException {
    byte[] body = AlertJson.of(alert, version).getBytes(StandardCharsets.UTF_8);
    // One id for every attempt, so a receiver that saw an attempt whose answer got lost can
    // recognise the retry.
    String delivery = UUID.randomUUID().toString();
    for (int attempt = 1; ; attempt++) {
      Attempt a = post(alert, body, delivery, attempt);
      if (a.delivered()) {
        return true;
      }
      if (!a.retry() || attempt >= config.maxAttempts()) {
        log.warn(
            "webhook {}: alert for request {} not delivered after {} attempt(s): {}",
            config.id(),
            alert.requestId(),
            attempt,
            a.outcome());
        return false;
      }
      Thread.sleep(backoff.delay(attempt, a.retryAfter()));
    }
  }

  private Attempt post(Alert alert, byte[] body, String delivery, int attempt)
      throws InterruptedException {
    // Signed at each attempt, so a retry after a long wait still falls in the receiver's window.
    String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), body);
    Request request =
        http.newRequest(url)
            .method(HttpMethod.POST)
            .timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .headers(
                h -> {
                  for (Map.Entry<String, Secret> e : config.headers().entrySet()) {
                    h.put(e.getKey(), e.getValue().reveal());
                  }
                  h.put(HttpHeader.USER_AGENT, "Warden/" + version);
                  h.put(WebhookSignature.HEADER, signature);
                  h.put(EVENT_HEADER, alert.primary().key());
                  h.put(DELIVERY_HEADER, delivery);
                  h.put(ATTEMPT_HEADER, Integer.toString(attempt));
                })
            .body(new BytesRequestContent(JSON, body));
    try {
      ContentResponse response = request.send();
      int status = response.getStatus();
      if (status >= 200 && status < 300) {
        return new Attempt(true, false, "HTTP " + status, Optional.empty());
      }
      boolean retry = status == 429 || status >= 500;
      Optional<Duration> wait =
          Backoff.retryAfter(response.getHeaders().get(HttpHeader.RETRY_AFTER), clock.instant());
      return new Attempt(false, retry, "HTTP " + status, wait);
    } catch (TimeoutException e) {
      return new Attempt(false, true, "timed out", Optional.empty());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Attempt(false, true, cause.getClass().getSimpleName(), Optional.empty());
    }
  }

  @Override
  public void close() {
    // The HTTP client is shared by every webhook and stopped by Alerts.
  }
}
