package dev.warden.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A validating one-pass scan of a UTF-8 JSON message that keeps only what {@link JsonPeek} needs:
 * the top-level {@code method}, {@code id} and whether {@code result} or {@code error} is present.
 * Every byte is checked against the JSON grammar (RFC 8259, UTF-8 included), with Jackson's default
 * limits on depth and lengths, so what it accepts Jackson accepts too. Long strings, which is what
 * tool results mostly are, are skipped eight bytes at a time: that is why this exists instead of
 * Jackson's tokenizer, which cost more than the rest of a 64 KB call.
 */
final class JsonScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final int MAX_DEPTH = 1000;
  private static final int MAX_NUMBER = 1000;
  private static final int MAX_STRING = 20_000_000;

  /** Thrown inside the scan on the first byte that is not JSON; never escapes this class. */
  private static final class Invalid extends Exception {
    private static final Invalid INSTANCE = new Invalid();

    private Invalid() {
      super(null, null, false, false);
    }
  }

  private final byte[] b;
  private final int end;
  private int i;

  private JsonScan(byte[] b) {
    this.b = b;
    this.end = b.length;
  }

  /** The peek of {@code json}, or null when it is not one well-formed JSON object. */
  static JsonPeek peek(byte[] json) {
    try {
      return new JsonScan(json).message();
    } catch (Invalid e) {
      return null;
    }
  }

  private JsonPeek message() throws Invalid {
    if (end >= 3 && b[0] == (byte) 0xef && b[1] == (byte) 0xbb && b[2] == (byte) 0xbf) {
      i = 3; // a UTF-8 byte order mark, which Jackson skips too
    }
    space();
    expect('{');
    String method = null;
    JsonNode id = null;
    boolean outcome = false;
    space();
    if (at() == '}') {
      i++;
    } else {
      while (true) {
        String name = string();
        space();
        expect(':');
        space();
        switch (name) {
          case "method" -> {
            if (at() == '"') {
              method = string();
            } else {
              method = null;
              skipValue();
            }
          }
          case "id" -> id = idValue();
          case "result", "error" -> {
            outcome = true;
            skipValue();
          }
          default -> skipValue();
        }
        space();
        byte c = next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw Invalid.INSTANCE;
        }
        space();
      }
    }
    space();
    if (i != end) {
      throw Invalid.INSTANCE; // something after the object
    }
    return new JsonPeek(true, method, id, outcome);
  }

  private JsonNode idValue() throws Invalid {
    byte c = at();
    if (c == '"') {
      return JsonNodeFactory.instance.textNode(string());
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      int start = i;
      boolean integral = number();
      if (integral) {
        String digits = new String(b, start, i - start, StandardCharsets.US_ASCII);
        return JsonNodeFactory.instance.numberNode(new BigInteger(digits));
      }
      return null;
    }
    skipValue();
    return null;
  }

  /** Skips one value of any kind; nesting is tracked in an explicit stack, not by recursion. */
  private void skipValue() throws Invalid {
    byte[] stack = null;
    int depth = 0;
    while (true) {
      byte c = at();
      switch (c) {
        case '{', '[' -> {
          if (depth == MAX_DEPTH - 1) {
            throw Invalid.INSTANCE;
          }
          if (stack == null) {
            stack = new byte[16];
          } else if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c;
          i++;
          space();
          if (at() == (c == '{' ? '}' : ']')) {
            i++;
            depth--;
            break; // an empty container is a complete value
          }
          if (c == '{') {
            skipString();
            space();
            expect(':');
            space();
          }
          continue; // its first value
        }
        case '"' -> skipString();
        case 't' -> literal("true");
        case 'f' -> literal("false");
        case 'n' -> literal("null");
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            number();
          } else {
            throw Invalid.INSTANCE;
          }
        }
      }
      // A value ended: close containers, or move to the next member or element.
      while (true) {
        if (depth == 0) {
          return;
        }
        space();
        byte d = next();
        byte open = stack[depth - 1];
        if (d == ',') {
          space();
          if (open == '{') {
            skipString();
            space();
            expect(':');
            space();
          }
          break;
        }
        if (d != (open == '{' ? '}' : ']')) {
          throw Invalid.INSTANCE;
        }
        depth--;
      }
    }
  }

  private void literal(String word) throws Invalid {
    int n = word.length();
    if (end - i < n) {
      throw Invalid.INSTANCE;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        throw Invalid.INSTANCE;
      }
    }
    i += n;
    if (i < end && isWordByte(b[i])) {
      throw Invalid.INSTANCE; // "trueish"
    }
  }

  private static boolean isWordByte(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** A number per RFC 8259; true when it has neither fraction nor exponent. */
  private boolean number() throws Invalid {
    int start = i;
    if (at() == '-') {
      i++;
    }
    if (at() == '0') {
      i++;
    } else {
      digits();
    }
    boolean integral = true;
    if (i < end && b[i] == '.') {
      i++;
      digits();
      integral = false;
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      digits();
      integral = false;
    }
    if (i - start > MAX_NUMBER || (i < end && isWordByte(b[i]))) {
      throw Invalid.INSTANCE;
    }
    return integral;
  }

  private void digits() throws Invalid {
    int start = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    if (i == start) {
      throw Invalid.INSTANCE;
    }
  }

  /** A string's decoded text (object keys and the few values kept). */
  private String string() throws Invalid {
    int start = i + 1;
    boolean escaped = skipString();
    if (!escaped) {
      return new String(b, start, i - 1 - start, StandardCharsets.UTF_8);
    }
    return unescape(start, i - 1);
  }

  /** Skips a string, checking escapes and UTF-8; true when it holds an escape. */
  private boolean skipString() throws Invalid {
    expect('"');
    int start = i;
    boolean escaped = false;
    while (true) {
      while (end - i >= 8) { // eight plain ASCII bytes at a time
        long w = (long) LONGS.get(b, i);
        long special =
            zeroByte(w ^ QUOTES) | zeroByte(w ^ BACKSLASHES) | ((w - ONES * 0x20) & ~w) | w;
        if ((special & HIGHS) != 0) {
          break;
        }
        i += 8;
      }
      if (i >= end) {
        throw Invalid.INSTANCE;
      }
      int c = b[i] & 0xff;
      if (c == '"') {
        i++;
        if (i - start - 1 > MAX_STRING) {
          throw Invalid.INSTANCE;
        }
        return escaped;
      } else if (c == '\\') {
        escape();
        escaped = true;
      } else if (c < 0x20) {
        throw Invalid.INSTANCE;
      } else if (c < 0x80) {
        i++;
      } else {
        utf8(c);
      }
    }
  }

  private static long zeroByte(long v) {
    return (v - ONES) & ~v;
  }

  private void escape() throws Invalid {
    i++;
    byte e = next();
    switch (e) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
      case 'u' -> {
        for (int k = 0; k < 4; k++) {
          if (Character.digit(next(), 16) < 0) {
            throw Invalid.INSTANCE;
          }
        }
      }
      default -> throw Invalid.INSTANCE;
    }
  }

  /** One multi-byte UTF-8 sequence starting with {@code lead}: no overlong forms or surrogates. */
  private void utf8(int lead) throws Invalid {
    int n;
    int min;
    if (lead >= 0xc2 && lead <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else {
      throw Invalid.INSTANCE;
    }
    if (end - i <= n) {
      throw Invalid.INSTANCE;
    }
    int cp = lead & (0x3f >> n);
    for (int k = 1; k <= n; k++) {
      int c = b[i + k] & 0xff;
      if ((c & 0xc0) != 0x80) {
        throw Invalid.INSTANCE;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw Invalid.INSTANCE;
    }
    i += n + 1;
  }

  /** Decodes a string with escapes; its bytes were already checked. */
  private String unescape(int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    StringBuilder text = new StringBuilder(to - from);
    int k = from;
    while (k < to) {
      if (b[k] != '\\') {
        out.write(b[k++]);
        continue;
      }
      text.append(out.toString(StandardCharsets.UTF_8));
      out.reset();
      byte e = b[k + 1];
      k += 2;
      switch (e) {
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          text.append((char) Integer.parseInt(new String(b, k, 4, StandardCharsets.US_ASCII), 16));
          k += 4;
        }
        default -> text.append((char) e);
      }
    }
    return text.append(out.toString(StandardCharsets.UTF_8)).toString();
  }

  private void space() {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  private byte at() throws Invalid {
    if (i >= end) {
      throw Invalid.INSTANCE;
    }
    return b[i];
  }

  private byte next() throws Invalid {
    if (i >= end) {
      throw Invalid.INSTANCE;
    }
    return b[i++];
  }

  private void expect(char c) throws Invalid {
    if (next() != c) {
      throw Invalid.INSTANCE;
    }
  }
}
