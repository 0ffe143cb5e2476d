package dev.warden.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A JSON-RPC reply to tools/call holding one text content, serialized once: only the request id is
 * spliced in per call. The load generator builds the same bytes to check each reply exactly.
 */
public final class ToolReply {
  private static final byte[] PREFIX = ascii("{\"jsonrpc\":\"2.0\",\"id\":");

  private final String text;
  private final byte[] suffix;

  public ToolReply(String text) {
    this(text, false);
  }

  /**
   * {@code complete}: the result starts with {@code "resultType":"complete"}, as a 2026-07-28
   * client receives it (the gateway splices the member in at exactly that place).
   */
  public ToolReply(String text, boolean complete) {
    this.text = text;
    String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(text));
    this.suffix =
        (",\"result\":{"
                + (complete ? "\"resultType\":\"complete\"," : "")
                + "\"content\":[{\"type\":\"text\",\"text\":\""
                + escaped
                + "\"}],\"isError\":false}}")
            .getBytes(StandardCharsets.UTF_8);
  }

  /** The text content of the reply. */
  public String text() {
    return text;
  }

  /** The whole reply for the request whose id is {@code id} (JSON, e.g. {@code 7}). */
  public byte[] bytes(byte[] id) {
    byte[] out = new byte[length(id.length)];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    System.arraycopy(id, 0, out, PREFIX.length, id.length);
    System.arraycopy(suffix, 0, out, PREFIX.length + id.length, suffix.length);
    return out;
  }

  /** Length of the reply whose id serializes to {@code idLength} bytes. */
  public int length(int idLength) {
    return PREFIX.length + idLength + suffix.length;
  }

  /** True when {@code reply[0, length)} is exactly the reply for {@code id}. */
  public boolean matches(byte[] reply, int length, byte[] id) {
    int idEnd = PREFIX.length + id.length;
    return length == length(id.length)
        && java.util.Arrays.equals(reply, 0, PREFIX.length, PREFIX, 0, PREFIX.length)
        && java.util.Arrays.equals(reply, PREFIX.length, idEnd, id, 0, id.length)
        && java.util.Arrays.equals(reply, idEnd, length, suffix, 0, suffix.length);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
