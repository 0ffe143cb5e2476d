package dev.warden.admin;

import dev.warden.config.WardenConfig;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.Finding;
import dev.warden.inspect.detect.ConfiguredDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/api/v1/scan}: runs the detection engine (built-in and configured detectors)
 * over the request body, read as UTF-8 text of any content type, and answers the findings with
 * their spans in chars of that text. Never echoes a value.
 */
final class ScanApi {
  static final String PATH = "/scan";
  static final int MAX_BODY = 4 << 20;

  /** Reads at most {@code max} bytes of the request body; null when it is longer. */
  @FunctionalInterface
  interface Body {
    byte[] read(int max) throws IOException;
  }

  private final WardenConfig config;
  private volatile DetectionEngine engine;

  ScanApi(WardenConfig config) {
    this.config = config;
  }

  Reply answer(String method, Body body) {
    if (!method.equals("POST")) {
      return Reply.error(405, "method_not_allowed", method + " is not allowed here; use POST")
          .withHeader("Allow", "POST");
    }
    byte[] bytes;
    try {
      bytes = body.read(MAX_BODY);
    } catch (IOException e) {
      return Reply.error(400, "bad_request", "could not read the request body");
    }
    if (bytes == null) {
      return Reply.error(
          413, "payload_too_large", "the text to scan is longer than " + MAX_BODY + " bytes");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<FindingView> findings = engine().scan(text).stream().map(FindingView::of).toList();
    return Reply.json(200, Map.of("findings", findings));
  }

  /** Built on first use: the catalogue's automaton costs a little to build. */
  private DetectionEngine engine() {
    DetectionEngine e = engine;
    if (e == null) {
      e = DetectionEngine.builtIn().with(ConfiguredDetector.from(config.detectors()));
      engine = e;
    }
    return e;
  }

  /** One finding on the wire: where, what, how sure, which frameworks; not the value. */
  record FindingView(String type, int start, int end, String confidence, List<String> frameworks) {
    static FindingView of(Finding f) {
      return new FindingView(
          f.type(),
          f.start(),
          f.end(),
          f.confidence().name(),
          f.frameworks().stream().sorted().toList());
    }
  }
}
