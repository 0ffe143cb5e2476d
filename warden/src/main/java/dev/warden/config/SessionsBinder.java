package dev.warden.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds the {@code sessions:} section, recording every problem with its file and line. */
final class SessionsBinder {
  private static final List<String> KEYS = List.of("keys", "max-age");
  private static final List<String> KEY_KEYS = List.of("id", "secret");
  static final int MAX_KEY_ID = 16;
  static final int MIN_SECRET_BYTES = 32;
  private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
  private static final int MIN_DISTINCT = 12;
  private static final String SECRET_ADVICE = "put the secret in ${env:…} or ${file:…}";
  private static final String WEAK =
      "must hold at least 32 random bytes (e.g. the output of openssl rand -base64 48)";

  private final Problems problems;
  private final SecretResolver secrets;

  SessionsBinder(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  SessionsConfig bind(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return SessionsConfig.DEFAULT;
    }
    return Section.of(node.get(), problems, KEYS).map(this::bind).orElse(SessionsConfig.DEFAULT);
  }

  private SessionsConfig bind(Section s) {
    Optional<Duration> maxAge = s.parsed("max-age", Durations::parse);
    List<SessionsConfig.Key> keys = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (YamlNode item : s.sequence("keys").map(YamlNode.Sequence::items).orElse(List.of())) {
      Section.of(item, problems, KEY_KEYS).flatMap(k -> key(k, firstLine)).ifPresent(keys::add);
    }
    if (s.isWritten("keys") && s.isEmptyList("keys")) {
      s.missing("keys", "needs at least one key, or leave keys out for a per-process key");
    }
    return new SessionsConfig(keys, maxAge);
  }

  private Optional<SessionsConfig.Key> key(Section k, Map<String, Integer> firstLine) {
    Optional<String> id = id(k, firstLine);
    Optional<Secret> secret = Optional.empty();
    Optional<YamlNode> node = k.value("secret");
    if (node.isEmpty()) {
      k.missing("secret", "is required");
    } else {
      secret = secrets.reference(node.get(), SECRET_ADVICE);
      if (secret.isPresent() && !strong(secret.get().reveal())) {
        problems.add(node.get(), secret.get() + " " + WEAK);
        secret = Optional.empty();
      }
    }
    if (id.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SessionsConfig.Key(id.get(), secret.get()));
  }

  private Optional<String> id(Section k, Map<String, Integer> firstLine) {
    Optional<YamlNode.Scalar> node = k.plainScalar("id");
    if (node.isEmpty()) {
      if (k.value("id").isEmpty()) {
        k.missing("id", "is required");
      }
      return Optional.empty();
    }
    String id = node.get().text();
    if (!KEY_ID.matcher(id).matches() || id.length() > MAX_KEY_ID) {
      problems.add(
          node.get(),
          "'"
              + id
              + "' is not a valid key id: at most "
              + MAX_KEY_ID
              + " lower-case letters and digits, single '-' between them");
      return Optional.empty();
    }
    Integer first = firstLine.putIfAbsent(id, node.get().line());
    if (first != null) {
      problems.add(node.get(), "duplicate key id '" + id + "' (first at line " + first + ")");
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /**
   * Length cannot prove randomness, but it rules out the usual mistakes: short passwords, hex
   * strings of fewer than 32 bytes, and placeholders made of a few repeated characters.
   */
  static boolean strong(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      return false;
    }
    if (HEX.matcher(secret).matches() && secret.length() < 2 * MIN_SECRET_BYTES) {
      return false;
    }
    return secret.chars().distinct().count() >= MIN_DISTINCT;
  }
}
