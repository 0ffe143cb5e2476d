package dev.warden.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.testing.HttpStub;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 (a real Jetty server) that checks every delivery's signature the
 * way a user's receiver would: {@code X-Warden-Signature: t=…,v1=…}, HMAC-SHA256 of {@code t.body},
 * a five-minute window. A bad signature is answered 401; good ones are answered as {@code script}
 * says and kept.
 */
final class WebhookReceiver implements AutoCloseable {
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One delivery whose signature checked out. */
  record Delivery(HttpStub.Received request, JsonNode alert) {
    String header(String name) {
      return request.header(name);
    }
  }

  private final byte[] secret;
  private final List<Delivery> verified = new CopyOnWriteArrayList<>();
  private final List<HttpStub.Received> rejected = new CopyOnWriteArrayList<>();
  private final HttpStub stub;

  WebhookReceiver(String secret, Function<Delivery, Integer> script) throws Exception {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.stub =
        HttpStub.start(
            r -> {
              if (!signatureValid(r)) {
                rejected.add(r);
                return new HttpStub.Answer(401, "text/plain", "bad signature");
              }
              Delivery d = new Delivery(r, parse(r.body()));
              verified.add(d);
              return new HttpStub.Answer(script.apply(d), "text/plain", "");
            });
  }

  URI url() {
    return stub.url().resolve("/hooks/warden");
  }

  List<Delivery> verified() {
    return List.copyOf(verified);
  }

  List<HttpStub.Received> rejected() {
    return List.copyOf(rejected);
  }

  /** Every request that arrived, verified or not. */
  List<HttpStub.Received> received() {
    return stub.received();
  }

  private boolean signatureValid(HttpStub.Received r) {
    String header = r.header("X-Warden-Signature");
    if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
      return false;
    }
    long t = Long.parseLong(header.substring(2, header.indexOf(',')));
    if (Math.abs(System.currentTimeMillis() / 1000 - t) > WINDOW.toSeconds()) {
      return false;
    }
    byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected = mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(expected, given);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  @Override
  public void close() throws Exception {
    stub.close();
  }
}
