package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Tool arguments mirrored into headers (protocol 2026-07-28): a tool's {@code inputSchema} marks a
 * top-level property of primitive type with {@code "x-mcp-header": "Name"}, and a client sends the
 * argument's value as {@code Mcp-Param-Name} too. The marks are read once per tool definition; for
 * the calls of a tool without any, nothing here runs.
 */
public final class ParamHeaders {
  public static final String PREFIX = "Mcp-Param-";

  /** {@link #PREFIX} as header names arrive, lower-cased. */
  public static final String LOWER_PREFIX = "mcp-param-";

  /** A value whose header form is longer than this is not mirrored (clients omit the header). */
  public static final int MAX_VALUE_BYTES = 8192;

  /** The Mcp-Param headers of the call being sent on this thread, by header name. */
  public static final ScopedValue<Map<String, String>> CURRENT = ScopedValue.newInstance();

  /**
   * Runs {@code send} with {@code headers} bound for the transport to add (none: nothing bound, at
   * no cost).
   */
  public static <T, X extends Throwable> T sending(
      Map<String, String> headers, ScopedValue.CallableOp<T, X> send) throws X {
    return headers.isEmpty() ? send.call() : ScopedValue.where(CURRENT, headers).call(send);
  }

  /** One mirrored parameter: the argument's property and the name part of its header. */
  public record Param(String property, String name) {
    /** The header's name as it arrives, lower-cased. */
    public String lowerHeader() {
      return LOWER_PREFIX + name.toLowerCase(Locale.ROOT);
    }
  }

  private ParamHeaders() {}

  /**
   * The parameters a tool definition marks, in schema order. A mark that is not a header token, or
   * repeats another one (in any case), is ignored: no conforming client mirrors it.
   */
  public static List<Param> declared(JsonNode tool) {
    JsonNode properties = tool.path("inputSchema").path("properties");
    if (!properties.isObject()) {
      return List.of();
    }
    List<Param> out = null;
    Set<String> seen = null;
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      JsonNode mark = p.getValue().get("x-mcp-header");
      if (mark == null || !mark.isTextual() || !token(mark.asText())) {
        continue;
      }
      if (seen == null) {
        seen = new HashSet<>();
        out = new ArrayList<>(2);
      }
      if (seen.add(mark.asText().toLowerCase(Locale.ROOT))) {
        out.add(new Param(p.getKey(), mark.asText()));
      }
    }
    return out == null ? List.of() : List.copyOf(out);
  }

  /**
   * An argument's value as its header mirrors it (strings as they are, numbers in decimal, booleans
   * as {@code true}/{@code false}); null when the argument is absent, null or not a primitive.
   */
  public static String text(JsonNode argument) {
    if (argument == null) {
      return null;
    }
    if (argument.isTextual()) {
      return argument.asText();
    }
    if (argument.isBoolean()) {
      return argument.asBoolean() ? "true" : "false";
    }
    if (argument.isIntegralNumber()) {
      return argument.bigIntegerValue().toString();
    }
    if (argument.isNumber()) {
      return argument.decimalValue().toPlainString();
    }
    return null;
  }

  /** Whether a header's decoded value mirrors the argument: numbers compare by value. */
  public static boolean mirrors(String decoded, JsonNode argument) {
    if (argument.isNumber()) {
      try {
        return new BigDecimal(decoded.trim()).compareTo(argument.decimalValue()) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return decoded.equals(text(argument));
  }

  /** The header form of a value, or null when it is too long to be mirrored. */
  public static String headerForm(String value) {
    String encoded = HeaderValues.encode(value);
    return encoded.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES ? null : encoded;
  }

  /**
   * The headers of a call to a 2026-07-28 upstream: each declared parameter built from the
   * arguments that go upstream, then the headers to pass on as they came (names Warden does not
   * know for the tool).
   */
  public static Map<String, String> build(
      List<Param> declared, JsonNode arguments, Map<String, String> passedOn) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Param p : declared) {
      String value = text(arguments == null ? null : arguments.get(p.property()));
      String form = value == null ? null : headerForm(value);
      if (form != null) {
        out.put(PREFIX + p.name(), form);
      }
    }
    passedOn.forEach(out::putIfAbsent);
    return out;
  }

  /**
   * The headers of {@code sent} (by lower-cased name, as {@code Exchange.Headers.startingWith}
   * gives them) that no parameter of {@code declared} claims: they are passed on as they came, and
   * only the data-protection rules read them. Empty, at no cost, when nothing was sent.
   */
  public static Map<String, String> undeclared(Map<String, String> sent, List<Param> declared) {
    if (sent.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    sent.forEach(
        (name, value) -> {
          if (declared.stream().noneMatch(p -> p.lowerHeader().equals(name))) {
            out.put(name, value);
          }
        });
    return out;
  }

  /** Hands each Mcp-Param header of the call being sent to {@code put}; nothing when none. */
  public static void forEach(BiConsumer<String, String> put) {
    if (CURRENT.isBound()) {
      CURRENT.get().forEach(put);
    }
  }

  /** The current call's headers, captured to send again (a retry); empty when none. */
  public static Map<String, String> current() {
    return CURRENT.isBound() ? CURRENT.get() : Map.of();
  }

  /** Visible ASCII without the separators a header name may not hold (RFC 9110 token). */
  private static boolean token(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
