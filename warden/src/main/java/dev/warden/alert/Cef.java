package dev.warden.alert;

import dev.warden.config.AlertsConfig.Event;

/**
 * An alert in ArcSight Common Event Format: {@code
 * CEF:0|Warden|Warden|version|event|name|severity|extension}. Header fields escape {@code \} and
 * {@code |}; extension values escape {@code \} and {@code =} and write line breaks as {@code \n}
 * and {@code \r}, so one alert is always one line whatever an agent sent.
 */
public final class Cef {
  private Cef() {}

  public static String of(Alert a, String version) {
    StringBuilder b = new StringBuilder(400);
    b.append("CEF:0|Warden|Warden|")
        .append(header(version))
        .append('|')
        .append(header(a.primary().key()))
        .append('|')
        .append(header(name(a)))
        .append('|')
        .append(severity(a))
        .append('|');
    Extension x = new Extension(b);
    x.put("rt", Long.toString(a.time().toEpochMilli()));
    x.put("externalId", a.requestId());
    x.put("act", a.decision());
    x.put("cat", a.method());
    x.put("suser", a.agent());
    x.put("src", a.clientAddress());
    x.labelled("cs1", "persona", a.persona());
    x.labelled("cs2", "server", a.server());
    x.labelled("cs3", "tool", a.target());
    x.labelled("cs4", "rule", a.rule());
    x.labelled("cs5", "findings", a.findingsText());
    x.labelled("cs6", "upstreamError", a.upstreamError());
    x.labelled("cn1", "httpStatus", a.httpStatus() == 0 ? "" : Integer.toString(a.httpStatus()));
    x.labelled("cn2", "latencyMicros", Long.toString(a.latencyMicros()));
    x.put("flexString1", String.join(",", a.eventKeys()));
    x.put("flexString1Label", "events");
    if (!a.user().isEmpty()) {
      x.put("flexString2", a.user());
      x.put("flexString2Label", "endUser");
    }
    return b.toString();
  }

  /** 0-10: a denial that stopped sensitive data is the most severe, a finding let through least. */
  static int severity(Alert a) {
    return switch (a.primary()) {
      case DENIED -> a.events().contains(Event.DETECTION) ? 7 : 5;
      case ERROR -> 6;
      case DETECTION -> 3;
    };
  }

  private static String name(Alert a) {
    return switch (a.primary()) {
      case DENIED -> "Request denied by " + (a.rule().isEmpty() ? "policy" : a.rule());
      case ERROR ->
          a.upstreamError().isEmpty() ? "Request failed" : "Upstream error: " + a.upstreamError();
      case DETECTION -> "Sensitive data detected";
    };
  }

  /** A header field: {@code \} and {@code |} escaped, line breaks (never allowed) as spaces. */
  static String header(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '|' -> b.append("\\|");
        case '\r', '\n' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** An extension value: {@code \} and {@code =} escaped, line breaks as {@code \n}/{@code \r}. */
  static String value(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '=' -> b.append("\\=");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Space-separated {@code key=value} pairs; empty values are left out. */
  private static final class Extension {
    private final StringBuilder out;
    private boolean first = true;

    Extension(StringBuilder out) {
      this.out = out;
    }

    void put(String key, String v) {
      if (v.isEmpty()) {
        return;
      }
      if (!first) {
        out.append(' ');
      }
      first = false;
      out.append(key).append('=').append(value(v));
    }

    void labelled(String key, String label, String v) {
      if (!v.isEmpty()) {
        put(key, v);
        put(key + "Label", label);
      }
    }
  }
}
