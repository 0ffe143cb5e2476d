package dev.warden.mcp;

import java.util.Optional;

/**
 * The name an agent sees for a tool, prompt or resource template: {@code server__name}. Server ids
 * never contain "__", so the first "__" splits the two. Upstream names are made safe for every LLM
 * function-calling API: letters, digits, '_' and '-' only.
 */
public record ExposedName(String server, String name) {
  public static final String SEPARATOR = "__";

  /** The exposed form of an upstream item's name on {@code server}. */
  public static String of(String server, String upstreamName) {
    return server + SEPARATOR + sanitize(upstreamName);
  }

  /** Splits an exposed name; empty when it has no server prefix. */
  public static Optional<ExposedName> parse(String exposed) {
    int at = exposed.indexOf(SEPARATOR);
    if (at <= 0 || at + SEPARATOR.length() >= exposed.length()) {
      return Optional.empty();
    }
    return Optional.of(
        new ExposedName(exposed.substring(0, at), exposed.substring(at + SEPARATOR.length())));
  }

  /** Replaces every character outside [A-Za-z0-9_-] with '_'. */
  public static String sanitize(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok && out == null) {
        out = new StringBuilder(name.length()).append(name, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '_');
      }
    }
    return out == null ? name : out.toString();
  }

  @Override
  public String toString() {
    return server + SEPARATOR + name;
  }
}
