package dev.warden.inspect.detect;

import java.util.List;
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
          "mssql",
          "sqlserver");

  /**
   * Prefixes of credentials that have a type of their own. An authorization header or a URL that
   * carries one is reported as that credential ({@code JWT}, {@code GITLAB_PAT}), not as the header
   * or URL around it: the value is the same, its type says more.
   */
  private static final List<String> VENDOR_PREFIXES =
      List.of(
          "eyJ",
          "ghp_",
          "gho_",
          "ghu_",
          "ghs_",
          "ghr_",
          "github_pat_",
          "glpat-",
          "xoxb-",
          "xoxp-",
          "xoxe-",
          "xapp-",
          "SG.",
          "sk-ant-",
          "sk_live_",
          "sk_test_",
          "rk_live_",
          "rk_test_",
          "hf_",
          "npm_",
          "pypi-",
          "dckr_pat_",
          "shpat_",
          "dop_v1_",
          "doo_v1_",
          "hvs.",
          "ya29.",
          "AIza",
          "GOCSPX-",
          "whsec_");

  private Credentials() {}

  /** Whether {@code value} carries a credential of a vendor format, starting after a separator. */
  static boolean vendorToken(String value) {
    for (String prefix : VENDOR_PREFIXES) {
      for (int at = value.indexOf(prefix); at >= 0; at = value.indexOf(prefix, at + 1)) {
        if (at > 0 && " :/=\"'".indexOf(value.charAt(at - 1)) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

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

  /** Whether {@code v} repeats one char {@code n} times in a row: a placeholder's filler. */
  static boolean longRun(String v, int n) {
    int run = 1;
    for (int i = 1; i < v.length(); i++) {
      run = v.charAt(i) == v.charAt(i - 1) ? run + 1 : 1;
      if (run >= n) {
        return true;
      }
    }
    return false;
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
