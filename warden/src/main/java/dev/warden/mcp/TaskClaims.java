package dev.warden.mcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a task id handed to a 2026-07-28 client carries, sealed: everything a replica needs to poll
 * the task upstream, and who may. A stateless client has no session to remember its tasks in, so
 * the id itself names the task; it is honoured only for the agent and persona it was issued to.
 *
 * @param issuedAt when Warden handed out the id (whole seconds)
 * @param agent the agent whose call started the task; only it may poll or cancel it
 * @param persona the persona endpoint the task was started at
 * @param server the server that runs the task
 * @param tool the exposed name of the tool the task runs
 * @param upstreamId the server's own task id
 */
public record TaskClaims(
    Instant issuedAt, String agent, String persona, String server, String tool, String upstreamId) {

  /** Upstream task ids longer than this are not sealed (the task is refused instead). */
  public static final int MAX_UPSTREAM_ID = 1024;

  private static final int MAX_FIELD = 255;

  public TaskClaims {
    issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
  }

  /** The compact binary form that is sealed: lengths are one byte (two for the upstream id). */
  byte[] encode() {
    List<byte[]> fields = new ArrayList<>();
    for (String s : List.of(agent, persona, server, tool)) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > MAX_FIELD) {
        throw new IllegalArgumentException("task claim longer than " + MAX_FIELD + " bytes");
      }
      fields.add(b);
    }
    byte[] upstream = upstreamId.getBytes(StandardCharsets.UTF_8);
    if (upstream.length > MAX_UPSTREAM_ID) {
      throw new IllegalArgumentException("upstream task id longer than " + MAX_UPSTREAM_ID);
    }
    int size = Long.BYTES + fields.stream().mapToInt(b -> 1 + b.length).sum() + 2 + upstream.length;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putLong(issuedAt.getEpochSecond());
    for (byte[] b : fields) {
      out.put((byte) b.length).put(b);
    }
    out.putShort((short) upstream.length).put(upstream);
    return out.array();
  }

  /** The claims in {@code bytes}, or empty when they are not a well-formed encoding. */
  static Optional<TaskClaims> decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.remaining() < Long.BYTES) {
      return Optional.empty();
    }
    long issued = in.getLong();
    String[] fields = new String[5];
    for (int i = 0; i < fields.length; i++) {
      int wide = i == fields.length - 1 ? 2 : 1;
      if (in.remaining() < wide) {
        return Optional.empty();
      }
      int length = wide == 2 ? in.getShort() & 0xffff : in.get() & 0xff;
      if (in.remaining() < length) {
        return Optional.empty();
      }
      byte[] b = new byte[length];
      in.get(b);
      fields[i] = new String(b, StandardCharsets.UTF_8);
    }
    for (String f : fields) {
      if (f.isEmpty()) {
        return Optional.empty();
      }
    }
    if (in.hasRemaining()) {
      return Optional.empty();
    }
    return Optional.of(
        new TaskClaims(
            Instant.ofEpochSecond(issued), fields[0], fields[1], fields[2], fields[3], fields[4]));
  }
}
