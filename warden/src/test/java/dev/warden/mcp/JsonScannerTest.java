package dev.warden.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The scanner against Jackson's strict parser, on generated JSON and on broken copies of it, with
 * strings crossed in SIMD blocks and byte by byte.
 */
class JsonScannerTest {
  /**
   * Jackson's verdict: one object, well-formed, nothing after it. A new factory each time: a name
   * found in a factory's table of names read before is not decoded again, so a shared one's verdict
   * would depend on what it read earlier.
   */
  static boolean jackson(byte[] b) {
    try (JsonParser p = new JsonFactory().createParser(b)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** The scanner's verdict, which must not depend on how strings are crossed. */
  static boolean scanner(byte[] b) {
    boolean blocks = JsonScanner.object(b, 0, b.length, null, true);
    boolean bytewise = JsonScanner.object(b, 0, b.length, null, false);
    assertThat(blocks)
        .as("blocks against bytes: %s", new String(b, StandardCharsets.ISO_8859_1))
        .isEqualTo(bytewise);
    return blocks;
  }

  @Test
  void theTestJvmCrossesStringsWithSimd() {
    assertThat(JsonScanner.simd()).as("surefire starts the JVM with the Vector API").isTrue();
  }

  /**
   * Long strings whose escapes, runs of backslashes, quotes, controls and UTF-8 fall on every
   * position of a 64-byte block, the block edges included: a run of backslashes that a block ends
   * in the middle of must carry into the next one.
   */
  @Property(tries = 3000)
  void agreesWithJacksonOnLongStrings(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int edits) {
    Random r = new Random(seed);
    StringBuilder text = new StringBuilder();
    int length = 60 + r.nextInt(400);
    while (text.length() < length) {
      int k = r.nextInt(40);
      if (k == 0) {
        text.append("\\\\".repeat(1 + r.nextInt(3))); // an even run: literal backslashes
      } else if (k == 1) {
        text.append("\\\\\\\""); // an escaped backslash, then an escaped quote
      } else if (k == 2) {
        text.append("\\\"");
      } else if (k == 3) {
        text.append(List.of("\\n", "\\t", "\\/", "\\u00e9", "\\ud83d\\ude00").get(r.nextInt(5)));
      } else if (k == 4) {
        text.append(List.of("é", "日本", "😀").get(r.nextInt(3)));
      } else {
        text.append((char) ('a' + r.nextInt(26)));
      }
    }
    String json = "{\"id\":1,\"result\":{\"text\":\"" + text + "\",\"n\":[\"" + text + "\"]}}";
    byte[] b = mutate(utf8(json), edits, r);
    assertThat(scanner(b))
        .as("%s", new String(b, StandardCharsets.ISO_8859_1))
        .isEqualTo(jackson(b));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Property(tries = 400)
  void agreesWithJacksonOnWellFormedObjects(@ForAll long seed) {
    byte[] json = utf8(new Gen(new Random(seed)).object(0));
    assertThat(jackson(json)).as(new String(json, StandardCharsets.UTF_8)).isTrue();
    assertThat(scanner(json)).as(new String(json, StandardCharsets.UTF_8)).isTrue();
  }

  @Property(tries = 3000)
  void agreesWithJacksonOnBrokenCopies(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int edits) {
    Random r = new Random(seed);
    byte[] json = mutate(utf8(new Gen(r).object(0)), edits, r);
    assertThat(scanner(json))
        .as("%s", new String(json, StandardCharsets.ISO_8859_1))
        .isEqualTo(jackson(json));
  }

  /** Bytes a mutation writes: structure, escapes, digits, controls and broken UTF-8. */
  private static final int[] EDIT_BYTES = {
    '"', '\\', '{', '}', '[', ']', ',', ':', '0', '1', '-', '+', '.', 'e', 'E', 't', 'n', 'u', 'a',
    ' ', '\n', '\t', '/', 'x', 0x00, 0x01, 0x1f, 0x7f, 0x80, 0xbf, 0xc3, 0xe2, 0xf0, 0xf8, 0xff
  };

  /**
   * Replaces, deletes or inserts bytes, never in the first four, which Jackson reads to guess an
   * encoding (UTF-16 and UTF-32 are not JSON-RPC's and the scanner does not guess).
   */
  private static byte[] mutate(byte[] json, int edits, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Byte> bytes = new ArrayList<>();
    for (byte b : json) {
      bytes.add(b);
    }
    for (int e = 0; e < edits && bytes.size() > 5; e++) {
      int at = 4 + r.nextInt(bytes.size() - 4);
      byte with = (byte) EDIT_BYTES[r.nextInt(EDIT_BYTES.length)];
      switch (r.nextInt(3)) {
        case 0 -> bytes.set(at, with);
        case 1 -> bytes.remove(at);
        default -> bytes.add(at, with);
      }
    }
    bytes.forEach(out::write);
    return out.toByteArray();
  }

  @Test
  void acceptsAndRefusesAsTheGrammarSays() {
    String[] good = {
      "{}",
      " \r\n\t{ } \n",
      "\uFEFF{}",
      "{\"a\":[],\"b\":{},\"c\":[1,-0,0.5,-1.25e+10,3E-2,true,false,null,\"\"]}",
      "{\"s\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"}",
      "{\"é\":\"日本語 and 😀 in eight-byte words\"}",
      "{\"\\ud83d\\ude00\":\"\\ud83d a lone half in a value\"}"
    };
    for (String g : good) {
      assertThat(scanner(utf8(g))).as(g).isTrue();
      assertThat(jackson(utf8(g))).as(g).isTrue();
    }
    String[] bad = {
      "",
      "[]",
      "{\"a\":1,}",
      "{\"a\":01}",
      "{\"a\":1.}",
      "{\"a\":.5}",
      "{\"a\":+1}",
      "{\"a\":-}",
      "{\"a\":tru}",
      "{\"a\":truex}",
      "{\"a\":NaN}",
      "{'a':1}",
      "{\"a\":1} x",
      "{\"a\":1}{}",
      "{\"a\":\"tab\there\"}",
      "{\"a\":\"\\x\"}",
      "{\"a\":\"\\u12G4\"}",
      "{\"a\":\"unterminated}",
      "{\"a\" 1}",
      "{\"a\":1 /* comment */}",
      "{\"a\":{\"\\ud83d a lone half in a name\":1}}",
      "{\"\\ude00\":1}",
      "{\"\\ud83d\\u0041\":1}"
    };
    for (String b : bad) {
      assertThat(scanner(utf8(b))).as(b).isFalse();
      assertThat(jackson(utf8(b))).as(b).isFalse();
    }
  }

  @Test
  void brokenUtf8InAStringIsRefused() {
    byte[][] bad = {
      {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xe2, (byte) 0x82, 'x', '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xf8, (byte) 0x80, (byte) 0x80, '"', '}'}
    };
    for (byte[] b : bad) {
      assertThat(scanner(b)).isFalse();
      assertThat(jackson(b)).isFalse();
    }
  }

  @Test
  void nestingIsRefusedPastJacksonsLimit() {
    assertThat(scanner(utf8(nested(JsonScanner.MAX_DEPTH - 1)))).isTrue();
    assertThat(jackson(utf8(nested(JsonScanner.MAX_DEPTH - 1)))).isTrue();
    assertThat(scanner(utf8(nested(JsonScanner.MAX_DEPTH)))).isFalse();
    assertThat(jackson(utf8(nested(JsonScanner.MAX_DEPTH)))).isFalse();
  }

  /** An object holding {@code arrays} nested arrays. */
  private static String nested(int arrays) {
    return "{\"a\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
  }

  @Test
  void reportsTheTopLevelMembersOnly() {
    byte[] b = utf8("{\"id\" : 7, \"result\":{\"id\":8}, \"n\\u0061me\":\"x\"}");
    List<String> heard = new ArrayList<>();
    assertThat(
            JsonScanner.object(
                b,
                0,
                b.length,
                (n, ne, v, ve) ->
                    heard.add(
                        JsonScanner.text(b, n, ne)
                            + "="
                            + new String(b, v, ve - v, StandardCharsets.UTF_8))))
        .isTrue();
    assertThat(heard).containsExactly("id=7", "result={\"id\":8}", "name=\"x\"");
  }

  @Test
  void readsOnlyItsRange() {
    byte[] b = utf8("xx{\"a\":\"b\"}yy");
    assertThat(JsonScanner.object(b, 2, b.length - 4, null)).isTrue();
    assertThat(JsonScanner.object(b, 2, b.length - 5, null)).isFalse();
  }

  /** Random well-formed JSON, with the strings a tool's answer carries. */
  private record Gen(Random r) {
    private static final String[] STRINGS = {
      "",
      "plain text of some length, more than eight bytes",
      "quote \" inside",
      "back\\slash",
      "line\nbreak\ttab",
      "caf\u00e9 \u65e5\u672c \ud83d\ude00",
      "\u0001\u001f",
      "{\"nested\":\"json as text\",\"n\":[1,2]}",
      "/slash",
      "\u007f del"
    };

    String object(int depth) {
      StringBuilder sb = new StringBuilder(ws()).append('{');
      int n = depth > 4 ? 0 : r.nextInt(5);
      for (int i = 0; i < n; i++) {
        sb.append(i > 0 ? "," : "").append(ws()).append(string()).append(ws()).append(':');
        sb.append(ws()).append(value(depth + 1)).append(ws());
      }
      return sb.append('}').append(ws()).toString();
    }

    private String value(int depth) {
      return switch (r.nextInt(depth > 4 ? 4 : 6)) {
        case 0 -> string();
        case 1 -> number();
        case 2 -> List.of("true", "false", "null").get(r.nextInt(3));
        case 3 -> string();
        case 4 -> object(depth);
        default -> array(depth);
      };
    }

    private String array(int depth) {
      StringBuilder sb = new StringBuilder("[");
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        sb.append(i > 0 ? "," : "").append(ws()).append(value(depth + 1)).append(ws());
      }
      return sb.append(']').toString();
    }

    private String number() {
      String n =
          (r.nextBoolean() ? "-" : "") + (r.nextInt(4) == 0 ? "0" : "" + (1 + r.nextInt(99999)));
      if (r.nextBoolean()) {
        n += "." + r.nextInt(1000);
      }
      if (r.nextInt(4) == 0) {
        n +=
            (r.nextBoolean() ? "e" : "E") + List.of("", "+", "-").get(r.nextInt(3)) + r.nextInt(30);
      }
      return n;
    }

    private String string() {
      String raw = STRINGS[r.nextInt(STRINGS.length)].repeat(1 + r.nextInt(3));
      StringBuilder sb = new StringBuilder("\"");
      for (int c : raw.codePoints().toArray()) {
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          case '/' -> sb.append(r.nextBoolean() ? "\\/" : "/");
          default -> {
            if (c < 0x20 || (c > 0x7e && r.nextInt(3) == 0)) {
              for (char unit : Character.toChars(c)) {
                sb.append(String.format("\\u%04x", (int) unit));
              }
            } else {
              sb.appendCodePoint(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }

    private String ws() {
      return r.nextInt(4) == 0 ? List.of(" ", "\n", "\t ", "\r\n").get(r.nextInt(4)) : "";
    }
  }
}
