package dev.warden.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The fast scan says what Jackson's tokenizer says, on well-formed messages and broken ones. */
class JsonScanPropertiesTest {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final byte[] EDITS = {
    '"',
    '\\',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    ' ',
    'a',
    '1',
    '-',
    '.',
    'e',
    'u',
    'n',
    0,
    0x1f,
    (byte) 0xc3,
    (byte) 0x80,
    (byte) 0xe2,
    (byte) 0xff,
    (byte) 0xed,
    (byte) 0xa0
  };

  @Property(tries = 500)
  void agreesWithJacksonOnWellFormedMessages(@ForAll("messages") String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonPeek reference = jackson(bytes);
    assertThat(reference.valid()).isTrue();
    assertThat(JsonPeek.of(bytes)).isEqualTo(reference);
  }

  @Property(tries = 3000)
  void neverAcceptsWhatJacksonRefusesAndAgreesWhereBothAccept(
      @ForAll("messages") String json,
      @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 100_000) Integer> places,
      @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 0, max = 1_000) Integer> choices) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    for (int k = 0; k < places.size(); k++) {
      bytes = edit(bytes, places.get(k) % (bytes.length + 1), choices.get(k));
    }
    JsonPeek scan = JsonPeek.of(bytes);
    JsonPeek reference = jackson(bytes);
    if (scan.valid()) {
      assertThat(scan).isEqualTo(reference);
    } else if (reference.valid() && utf8(bytes)) {
      assertThat(scan).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(reference);
    }
  }

  @Test
  void nestingDeeperThanJacksonAllowsIsRefusedAndWithinItAccepted() {
    String ok = "{\"result\":" + "[".repeat(998) + "]".repeat(998) + ",\"id\":1}";
    String deep = "{\"result\":" + "[".repeat(1000) + "]".repeat(1000) + ",\"id\":1}";
    for (String s : List.of(ok, deep)) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertThat(JsonPeek.of(b)).isEqualTo(jackson(b));
    }
    assertThat(JsonPeek.of(ok).valid()).isTrue();
    assertThat(JsonPeek.of(deep).valid()).isFalse();
  }

  @Test
  void longResultsAreScannedWholeSoABrokenByteFarInIsFound() {
    String text = "ticket ".repeat(10_000);
    String good = "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"text\":\"" + text + "\"}}";
    assertThat(JsonPeek.of(good).answers(F.numberNode(5))).isTrue();
    for (String bad : List.of("\u0001", "\\x", "\"", "\\u12G4")) {
      String broken = good.replace("ticket ticket ticket", "ticket " + bad + "ticket");
      assertThat(JsonPeek.of(broken).valid()).as(bad).isFalse();
    }
    byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
    bytes[40_000] = (byte) 0xc3; // a lead byte without its continuation
    assertThat(JsonPeek.of(bytes).valid()).isFalse();
  }

  @Provide
  Arbitrary<String> messages() {
    Arbitrary<JsonNode> id =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12).map(F::textNode),
            Arbitraries.longs().map(F::numberNode),
            Arbitraries.bigIntegers()
                .between(
                    java.math.BigInteger.TEN.pow(25).negate(), java.math.BigInteger.TEN.pow(25))
                .map(F::numberNode),
            Arbitraries.doubles().map(F::numberNode),
            Arbitraries.just(F.nullNode()));
    Arbitrary<JsonNode> value = values(3);
    Arbitrary<String> member =
        Arbitraries.of("jsonrpc", "id", "method", "result", "error", "params", "x", "méthode");
    return Combinators.combine(
            member.list().ofMaxSize(6),
            value.list().ofSize(6),
            id,
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.of("", " ", "\n\t ", "\r\n"))
        .as(
            (names, values, idValue, method, space) -> {
              ObjectNode o = F.objectNode();
              for (int k = 0; k < names.size(); k++) {
                switch (names.get(k)) {
                  case "id" -> o.set("id", idValue);
                  case "method" -> o.put("method", method);
                  default -> o.set(names.get(k), values.get(k));
                }
              }
              try {
                String text = MAPPER.writeValueAsString(o);
                return space + text.replace(",", "," + space).replace(":", space + ":") + space;
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(F::textNode),
            Arbitraries.strings()
                .withCharRange('\u0000', '\uffff')
                .ofMaxLength(30)
                .map(F::textNode),
            Arbitraries.integers().map(F::numberNode),
            Arbitraries.doubles().map(F::numberNode),
            Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.oneOf(
        leaf,
        inner.list().ofMaxSize(4).map(l -> F.arrayNode().addAll(l)),
        Combinators.combine(
                Arbitraries.strings().ofMaxLength(8).list().ofMaxSize(4), inner.list().ofSize(4))
            .as(
                (keys, vals) -> {
                  ObjectNode o = F.objectNode();
                  for (int k = 0; k < keys.size(); k++) {
                    o.set(keys.get(k), vals.get(k));
                  }
                  return (JsonNode) o;
                }));
  }

  private static byte[] edit(byte[] b, int at, int choice) {
    byte c = EDITS[choice % EDITS.length];
    return switch (choice % 3) {
      case 0 -> { // insert
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        yield out;
      }
      case 1 -> { // delete
        if (at >= b.length) {
          yield b;
        }
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        yield out;
      }
      default -> { // replace
        byte[] out = b.clone();
        if (at < out.length) {
          out[at] = c;
        }
        yield out;
      }
    };
  }

  private static boolean utf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** What the streaming-parser peek said: the reference the scan must match. */
  static JsonPeek jackson(byte[] json) {
    JsonPeek invalid = new JsonPeek(false, null, null, false);
    try (JsonParser p = FACTORY.createParser(json)) {
      String method = null;
      JsonNode id = null;
      boolean hasOutcome = false;
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return invalid;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "method" -> method = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "id" ->
              id =
                  switch (value) {
                    case VALUE_STRING -> F.textNode(p.getText());
                    case VALUE_NUMBER_INT -> F.numberNode(p.getBigIntegerValue());
                    default -> null;
                  };
          case "result", "error" -> hasOutcome = true;
          default -> {}
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return invalid;
      }
      return new JsonPeek(true, method, id, hasOutcome);
    } catch (IOException e) {
      return invalid;
    }
  }
}
