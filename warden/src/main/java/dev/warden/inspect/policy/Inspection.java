package dev.warden.inspect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.Finding;
import dev.warden.mcp.HeaderValues;
import dev.warden.mcp.ParamHeaders;
import dev.warden.net.EventLoop;
import dev.warden.pipeline.Detection;
import dev.warden.pipeline.Exchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Inspects the string values of one message in one direction: scans each (never the JSON syntax),
 * counts what it finds on the exchange, rewrites values in place per policy and remembers the first
 * blocking rule. An object member is scanned with its key in front, so a key such as {@code
 * aws_secret_access_key} is context for its value, but the key itself is never rewritten.
 */
final class Inspection {
  /**
   * Longer strings are scanned off the event loop (a millisecond and more), so the loop's other
   * connections are not held up meanwhile.
   */
  static final int OFF_LOOP_CHARS = 256 * 1024;

  /** Shorter strings cannot hold a value worth reporting. */
  private static final int MIN_LENGTH = 3;

  /** Why the message may not pass: the rule and the type, never the value. */
  record Blocked(String rule, String type) {}

  private final DetectionEngine engine;
  private final DataPolicy policy;
  private final Keyed tokens;
  private final Keyed fingerprints;
  private final Exchange exchange;
  private final String persona;
  private final String server;
  private final Direction direction;
  private final String directionKey;
  private Predicate<String> hop = fp -> false;
  private boolean hopsChecked;
  private Action onHop = Action.ALERT;
  private Blocked blocked;
  private boolean changed;
  private List<String> seen;

  Inspection(
      DetectionEngine engine,
      DataPolicy policy,
      Keyed tokens,
      Keyed fingerprints,
      Exchange exchange,
      String server,
      Direction direction) {
    this.engine = engine;
    this.policy = policy;
    this.tokens = tokens;
    this.fingerprints = fingerprints;
    this.exchange = exchange;
    this.persona = exchange.persona();
    this.server = server;
    this.direction = direction;
    this.directionKey = direction.key();
  }

  /** Collect fingerprints of every value found (responses from ranked servers). */
  Inspection collectFingerprints() {
    this.seen = new ArrayList<>();
    return this;
  }

  /** Values whose fingerprint {@code isHop} accepts move to a lower-trust server. */
  Inspection checkHops(Predicate<String> isHop, Action action) {
    this.hop = isHop;
    this.hopsChecked = true;
    this.onHop = action;
    return this;
  }

  Optional<Blocked> blocked() {
    return Optional.ofNullable(blocked);
  }

  boolean changed() {
    return changed;
  }

  List<String> fingerprints() {
    return seen == null ? List.of() : seen;
  }

  /** Every string value inside {@code node}, at any depth. */
  void all(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          String now = text(e.getKey(), e.getValue().textValue());
          if (now != null) {
            e.setValue(obj.textNode(now));
          }
        } else {
          all(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (item.isTextual()) {
          String now = text("", item.textValue());
          if (now != null) {
            array.set(i, array.textNode(now));
          }
        } else {
          all(item);
        }
      }
    }
  }

  /** Header values rewritten by the rules, and those whose rewrite no longer fits a header. */
  record HeaderRewrite(Map<String, String> values, Set<String> dropped) {
    static final HeaderRewrite NONE = new HeaderRewrite(Map.of(), Set.of());
  }

  /**
   * Header values as a 2026-07-28 client sends them, by lower-cased name: each scanned decoded from
   * the base64 form (a malformed one as it came), with its name as context. Returns the rewritten
   * ones in the form a header carries them. A rewrite longer than a header may carry ({@link
   * ParamHeaders#MAX_VALUE_BYTES}; a redaction marker is longer than a card number, the base64 form
   * longer than its text) is dropped, as a client omits a value too long to mirror: sending it as
   * it came would pass on what the rule rewrote.
   */
  HeaderRewrite headers(Map<String, String> values) {
    Map<String, String> out = null;
    Set<String> dropped = null;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String decoded = HeaderValues.decode(e.getValue());
      String now = text(e.getKey(), decoded == null ? e.getValue() : decoded);
      if (now == null) {
        continue;
      }
      String form = ParamHeaders.headerForm(now);
      if (form == null) {
        dropped = dropped == null ? new HashSet<>(2) : dropped;
        dropped.add(e.getKey());
      } else {
        out = out == null ? new LinkedHashMap<>(2) : out;
        out.put(e.getKey(), form);
      }
    }
    return out == null && dropped == null
        ? HeaderRewrite.NONE
        : new HeaderRewrite(out == null ? Map.of() : out, dropped == null ? Set.of() : dropped);
  }

  /** One string member of {@code obj}, if it is one. */
  void field(JsonNode obj, String name) {
    if (obj instanceof ObjectNode o && o.get(name) != null && o.get(name).isTextual()) {
      String now = text(name, o.get(name).textValue());
      if (now != null) {
        o.put(name, now);
      }
    }
  }

  /** The rewritten value, or null when it stays as it is. */
  String text(String key, String value) {
    if (value.length() < MIN_LENGTH) {
      return null;
    }
    int offset = key.isEmpty() ? 0 : key.length() + 2;
    String scanned = offset == 0 ? value : key + ": " + value;
    List<Finding> found =
        scanned.length() > OFF_LOOP_CHARS
            ? EventLoop.offloaded(() -> engine.scan(scanned))
            : engine.scan(scanned);
    if (found.isEmpty()) {
      return null;
    }
    StringBuilder out = null;
    int last = 0;
    for (Finding f : found) {
      if (f.start() < offset) {
        continue; // in the key: context only
      }
      int start = f.start() - offset;
      int end = f.end() - offset;
      String v = value.substring(start, end);
      DataPolicy.Decision d = decide(f, v);
      Action action = d.action();
      if (action.intervenes() && action != Action.BLOCK) {
        out = out == null ? new StringBuilder(value.length()) : out;
        out.append(value, last, start)
            .append(Replacement.of(action, f.type(), v, d.keepLast(), tokens));
        last = end;
      }
    }
    if (out == null) {
      return null;
    }
    changed = true;
    return out.append(value, last, value.length()).toString();
  }

  private DataPolicy.Decision decide(Finding f, String value) {
    DataPolicy.Decision d = policy.decide(persona, server, direction, f);
    exchange.detected(new Detection(directionKey, f.type(), d.action().key()));
    if (d.action() == Action.BLOCK && blocked == null) {
      blocked = new Blocked(d.rule(), f.type());
    }
    if (seen != null || hopsChecked) {
      String fp = fingerprints.fingerprint(value);
      if (seen != null) {
        seen.add(fp);
      }
      if (hop.test(fp)) {
        exchange.detected(new Detection(directionKey, f.type(), "hop-" + onHop.key()));
        if (onHop == Action.BLOCK && blocked == null) {
          blocked = new Blocked("trust-hop", f.type());
        }
      }
    }
    return d;
  }
}
