package dev.warden.inspect.normalize;

/** HTML character references: numeric ({@code &#52;}, {@code &#x34;}) and the common named ones. */
final class HtmlEntities {
  private static final String[][] NAMED = {
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", " "},
    {"commat", "@"},
    {"period", "."},
    {"colon", ":"},
    {"plus", "+"},
    {"hyphen", "-"}
  };

  private HtmlEntities() {}

  /** The reference at {@code i} (which holds '&'): {decoded char, chars used}, or {'&', 1}. */
  static int[] decode(String in, int i) {
    int semi = in.indexOf(';', i + 1);
    if (semi < 0 || semi - i > 10) {
      return new int[] {'&', 1};
    }
    String body = in.substring(i + 1, semi);
    int used = semi - i + 1;
    if (body.startsWith("#x") || body.startsWith("#X")) {
      return number(body.substring(2), 16, used);
    }
    if (body.startsWith("#")) {
      return number(body.substring(1), 10, used);
    }
    for (String[] named : NAMED) {
      if (named[0].equals(body)) {
        return new int[] {named[1].charAt(0), used};
      }
    }
    return new int[] {'&', 1};
  }

  private static int[] number(String digits, int radix, int used) {
    try {
      int v = Integer.parseInt(digits, radix);
      return v > 0 && v < 0xD800 ? new int[] {v, used} : new int[] {'&', 1};
    } catch (NumberFormatException e) {
      return new int[] {'&', 1};
    }
  }
}
