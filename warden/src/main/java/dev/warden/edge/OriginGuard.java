package dev.warden.edge;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * DNS-rebinding and cross-site protection: a browser Origin must be loopback or configured, and on
 * a loopback listener the Host must name loopback too.
 */
public final class OriginGuard {
  private final List<String> allowedOrigins;
  private final boolean loopbackListener;

  public OriginGuard(List<String> allowedOrigins, boolean loopbackListener) {
    this.allowedOrigins =
        allowedOrigins.stream().map(o -> stripSlash(o.toLowerCase(Locale.ROOT))).toList();
    this.loopbackListener = loopbackListener;
  }

  /** Why the request is refused, or null when it may proceed. */
  public String check(String origin, String host) {
    if (loopbackListener && host != null && !isLoopbackHost(hostOnly(host))) {
      return "Host " + host + " is not allowed on a loopback listener";
    }
    if (origin == null || allowedOrigins.contains("*")) {
      return null;
    }
    String o = stripSlash(origin.toLowerCase(Locale.ROOT));
    if (allowedOrigins.contains(o)) {
      return null;
    }
    try {
      String h = URI.create(o).getHost();
      if (h != null && isLoopbackHost(h)) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return "Origin is malformed";
    }
    return "Origin " + origin + " is not allowed";
  }

  static String hostOnly(String hostHeader) {
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  static boolean isLoopbackHost(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || ipv4Loopback(h);
  }

  /** Whether {@code h} is {@code 127.} and three more groups of one to three digits. */
  static boolean ipv4Loopback(String h) {
    if (!h.startsWith("127.")) {
      return false;
    }
    int groups = 1;
    int digits = 0;
    for (int i = 4; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0 && groups < 3) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return groups == 3 && digits > 0;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
