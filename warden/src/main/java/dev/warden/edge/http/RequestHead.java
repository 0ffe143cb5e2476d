package dev.warden.edge.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request line and header fields of one request, parsed strictly (RFC 9112): a token method, an
 * origin-form or absolute-form target, HTTP/1.0 or HTTP/1.1, {@code name: value} fields with no
 * whitespace before the colon, no obsolete line folding and no control characters. Anything else is
 * refused before a handler sees it, so what the gateway forwards and what it parsed are the same
 * request.
 */
final class RequestHead {
  private static final int MAX_FIELDS = 100;

  /** tchar of RFC 9110 section 5.6.2. */
  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[Character.toUpperCase(c)] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
  }

  final String method;
  final String target;
  final String path;
  final boolean http11;

  /** Lower-cased field names and their values, in arrival order. */
  private final List<String> names = new ArrayList<>(16);

  private final List<String> values = new ArrayList<>(16);

  private RequestHead(String method, String target, String path, boolean http11) {
    this.method = method;
    this.target = target;
    this.path = path;
    this.http11 = http11;
  }

  /** The next request's head, or null when the client closed the connection between requests. */
  static RequestHead read(HttpInput in) throws IOException {
    String line = in.line();
    while (line != null && line.isEmpty()) {
      line = in.line(); // RFC 9112 2.2: ignore at least one empty line before a request
    }
    if (line == null) {
      return null;
    }
    RequestHead head = requestLine(line);
    head.fields(in);
    return head;
  }

  private static RequestHead requestLine(String line) throws BadHttp {
    int sp1 = line.indexOf(' ');
    int sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp1 + 1) != sp2) {
      throw new BadHttp(400, "malformed request line");
    }
    String method = line.substring(0, sp1);
    if (!token(method)) {
      throw new BadHttp(400, "malformed request method");
    }
    String version = line.substring(sp2 + 1);
    boolean http11;
    if (version.equals("HTTP/1.1")) {
      http11 = true;
    } else if (version.equals("HTTP/1.0")) {
      http11 = false;
    } else if (version.startsWith("HTTP/")) {
      throw new BadHttp(505, "only HTTP/1.1 and HTTP/1.0 are served on this port");
    } else {
      throw new BadHttp(400, "malformed request line");
    }
    String target = line.substring(sp1 + 1, sp2);
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new BadHttp(400, "request target holds a character that must be encoded");
      }
    }
    return new RequestHead(method, target, path(target), http11);
  }

  /** The path of the target, without the query; for absolute-form, without scheme and host. */
  private static String path(String target) throws BadHttp {
    String rest = target;
    if (!target.startsWith("/")) {
      String lower = target.toLowerCase(Locale.ROOT);
      int start = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
      if (start < 0) {
        throw new BadHttp(400, "request target must be a path");
      }
      int slash = target.indexOf('/', start);
      rest = slash < 0 ? "/" : target.substring(slash);
    }
    int q = rest.indexOf('?');
    return q < 0 ? rest : rest.substring(0, q);
  }

  private void fields(HttpInput in) throws IOException {
    while (in.field(names, values)) {
      if (names.size() > MAX_FIELDS) {
        throw new BadHttp(431, "more than " + MAX_FIELDS + " header fields");
      }
    }
  }

  /** Whether {@code b} is a token character (RFC 9110 section 5.6.2). */
  static boolean tchar(byte b) {
    return b >= 0 && TCHAR[b];
  }

  /** The first value of a field (name in any case), or null. */
  String field(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return values.get(i);
      }
    }
    return null;
  }

  /** Every value of a field (name in any case), in arrival order. */
  List<String> fieldValues(String name) {
    List<String> out = null;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(values.get(i));
      }
    }
    return out == null ? List.of() : out;
  }

  /**
   * The fields whose lower-cased name starts with {@code prefix} (lower case), by lower-cased name,
   * first value each; empty (and nothing allocated) when there is none.
   */
  Map<String, String> fieldsStartingWith(String prefix) {
    Map<String, String> out = null;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).startsWith(prefix)) {
        if (out == null) {
          out = new LinkedHashMap<>(4);
        }
        out.putIfAbsent(names.get(i), values.get(i));
      }
    }
    return out == null ? Map.of() : out;
  }

  /** How many times a field occurs (name in any case). */
  int count(String name) {
    int n = 0;
    for (String each : names) {
      if (each.equalsIgnoreCase(name)) {
        n++;
      }
    }
    return n;
  }

  private static boolean token(String s) {
    return token(s, 0, s.length());
  }

  private static boolean token(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !TCHAR[c]) {
        return false;
      }
    }
    return true;
  }
}
