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

  static boolean placeholder(String secret) {
    String v = secret.toLowerCase(Locale.ROOT);
    return v.isEmpty()
        || v.chars().allMatch(c -> c == '*' || c == 'x' || c == '.')
        || v.startsWith("${")
        || v.startsWith("{{")
        || v.startsWith("<")
        || v.startsWith("%")
        || Set.of(
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
                "$password")
            .contains(v);
  }
}
