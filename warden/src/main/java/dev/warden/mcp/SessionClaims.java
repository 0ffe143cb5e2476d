package dev.warden.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a downstream session id carries, sealed: enough for any replica to rebuild the session.
 *
 * @param issuedAt when initialize answered (whole seconds)
 * @param agent the agent that opened the session; only it may use the session
 * @param persona the persona endpoint it was opened at
 * @param protocolVersion the negotiated protocol revision
 * @param clientCapabilities the client's declared capabilities among {@link #CAPABILITIES}, which
 *     say what server-to-client requests the client can answer
 * @param clientName the client's {@code clientInfo.name}, printable ASCII, shortened
 * @param clientVersion the client's {@code clientInfo.version}, printable ASCII, shortened
 * @param userDigest {@link #userDigest(String)} of the end user the session was opened for; "" when
 *     it was opened without one. A later request for another user is refused.
 */
public record SessionClaims(
    Instant issuedAt,
    String agent,
    String persona,
    String protocolVersion,
    Set<String> clientCapabilities,
    String clientName,
    String clientVersion,
    String userDigest) {

  /** Client capabilities kept in a session id, one bit each in this order; append only. */
  public static final List<String> CAPABILITIES = List.of("roots", "sampling", "elicitation");

  static final int MAX_CLIENT_NAME = 32;
  static final int MAX_CLIENT_VERSION = 16;
  private static final int MAX_FIELD = 255;
  private static final int USER_DIGEST_BYTES = 16;

  /** Claims of a session opened without a known end user. */
  public SessionClaims(
      Instant issuedAt,
      String agent,
      String persona,
      String protocolVersion,
      Set<String> clientCapabilities,
      String clientName,
      String clientVersion) {
    this(
        issuedAt,
        agent,
        persona,
        protocolVersion,
        clientCapabilities,
        clientName,
        clientVersion,
        "");
  }

  /** These claims for a session opened for {@code user} ("" when none is known). */
  public SessionClaims withUser(String user) {
    return new SessionClaims(
        issuedAt,
        agent,
        persona,
        protocolVersion,
        clientCapabilities,
        clientName,
        clientVersion,
        userDigest(user));
  }

  /**
   * The end user as a session id holds it: the first 16 bytes of its SHA-256, hex; "" for none. A
   * digest, so the id stays short whatever the name and the name is in no token.
   */
  public static String userDigest(String user) {
    if (user.isEmpty()) {
      return "";
    }
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(user.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, USER_DIGEST_BYTES);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public SessionClaims {
    issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
    clientCapabilities = Set.copyOf(new TreeSet<>(clientCapabilities));
    clientName = printable(clientName, MAX_CLIENT_NAME);
    clientVersion = printable(clientVersion, MAX_CLIENT_VERSION);
  }

  /** The claims of a session opened now by {@code initialize} params. */
  public static SessionClaims of(
      Instant now, String agent, String persona, String protocolVersion, JsonNode initParams) {
    Set<String> capabilities = new TreeSet<>();
    JsonNode declared = initParams.path("capabilities");
    for (String c : CAPABILITIES) {
      if (declared.has(c)) {
        capabilities.add(c);
      }
    }
    JsonNode info = initParams.path("clientInfo");
    return new SessionClaims(
        now,
        agent,
        persona,
        protocolVersion,
        capabilities,
        info.path("name").asText(""),
        info.path("version").asText(""));
  }

  /** The compact binary form that is sealed; lengths are one byte, strings UTF-8. */
  byte[] encode() {
    List<byte[]> fields = new ArrayList<>();
    for (String s : List.of(agent, persona, protocolVersion, clientName, clientVersion)) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > MAX_FIELD) {
        throw new IllegalArgumentException("session claim longer than " + MAX_FIELD + " bytes");
      }
      fields.add(b);
    }
    // The user digest is a trailing field only when there is one: ids without a user keep the
    // form replicas that predate it read.
    byte[] user =
        userDigest.isEmpty() ? new byte[0] : java.util.HexFormat.of().parseHex(userDigest);
    int size =
        Long.BYTES
            + 1
            + fields.stream().mapToInt(b -> 1 + b.length).sum()
            + (user.length == 0 ? 0 : 1 + user.length);
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putLong(issuedAt.getEpochSecond());
    out.put(capabilityBits());
    for (byte[] b : fields) {
      out.put((byte) b.length).put(b);
    }
    if (user.length > 0) {
      out.put((byte) user.length).put(user);
    }
    return out.array();
  }

  /** The claims in {@code bytes}, or empty when they are not a well-formed encoding. */
  static Optional<SessionClaims> decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.remaining() < Long.BYTES + 1) {
      return Optional.empty();
    }
    long issued = in.getLong();
    int bits = in.get() & 0xff;
    String[] fields = new String[5];
    for (int i = 0; i < fields.length; i++) {
      if (!in.hasRemaining()) {
        return Optional.empty();
      }
      int length = in.get() & 0xff;
      if (in.remaining() < length) {
        return Optional.empty();
      }
      byte[] b = new byte[length];
      in.get(b);
      fields[i] = new String(b, StandardCharsets.UTF_8);
    }
    String user = "";
    if (in.remaining() == 1 + USER_DIGEST_BYTES && in.get() == USER_DIGEST_BYTES) {
      byte[] digest = new byte[USER_DIGEST_BYTES];
      in.get(digest);
      user = java.util.HexFormat.of().formatHex(digest);
    }
    if (in.hasRemaining() || fields[0].isEmpty() || fields[1].isEmpty()) {
      return Optional.empty();
    }
    Set<String> capabilities = new TreeSet<>();
    for (int i = 0; i < CAPABILITIES.size(); i++) {
      if ((bits & (1 << i)) != 0) {
        capabilities.add(CAPABILITIES.get(i));
      }
    }
    return Optional.of(
        new SessionClaims(
            Instant.ofEpochSecond(issued),
            fields[0],
            fields[1],
            fields[2],
            capabilities,
            fields[3],
            fields[4],
            user));
  }

  private byte capabilityBits() {
    int bits = 0;
    for (int i = 0; i < CAPABILITIES.size(); i++) {
      if (clientCapabilities.contains(CAPABILITIES.get(i))) {
        bits |= 1 << i;
      }
    }
    return (byte) bits;
  }

  /** Printable ASCII only (others become '?'), at most {@code max} characters. */
  private static String printable(String s, int max) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), max));
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
