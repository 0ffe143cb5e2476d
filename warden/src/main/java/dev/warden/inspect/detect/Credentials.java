package dev.warden.inspect.detect;

import java.util.Locale;
import java.util.Set;

/** Checks on credential values: placeholders and masked values are not secrets. */
final class Credentials {
  private static final Set<String> DB_SCHEMES =
      Set.of(
          "postgres",
          "postgresql",
          "mysql",
          "mariadb",
          "mongodb",
          "mongodb+srv",
          "redis",
          "rediss",
          "amqp",
          "amqps",
          "mssql",
          "sqlserver");

  private Credentials() {}

  static boolean urlPassword(String url) {
    String scheme = url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT);
    return !DB_SCHEMES.contains(scheme) && !scheme.startsWith("jdbc") && placeholderFree(url);
  }

  static boolean placeholderFree(String value) {
    int colon = value.indexOf("://");
    String rest = colon < 0 ? value : value.substring(colon + 3);
    int at = rest.lastIndexOf('@');
    String secret =
        at < 0 ? rest.substring(rest.indexOf('=') + 1) : rest.substring(rest.indexOf(':') + 1, at);
    return !placeholder(secret);
  }

  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "password",
          "changeme",
          "secret",
          "pass",
          "your_password",
          "yourpassword",
          "redacted",
          "example",
          "null",
          "none",
          "placeholder",
          "$password");

  static boolean placeholder(String secret) {
    String v = secret.toLowerCase(Locale.ROOT);
    return v.isEmpty()
        || masked(v)
        || v.startsWith("${")
        || v.startsWith("{{")
        || v.startsWith("<")
        || v.startsWith("%")
        || PLACEHOLDERS.contains(v);
  }

  /** Whether {@code v} is all {@code *}, {@code x} and {@code .}: a masked value. */
  private static boolean masked(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != '*' && c != 'x' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
