package dev.warden.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads one entry of {@code agents:}; persona names must already be known. */
final class AgentBinder {
  private static final List<String> KEYS =
      List.of("id", "personas", "keys", "key-sha256", "user-header");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  // An HTTP field name (RFC 9110 token).
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "authorization",
          "cookie",
          "host",
          "origin",
          "content-type",
          "content-length",
          "accept",
          "mcp-session-id",
          "mcp-protocol-version");
  private static final String KEY_ADVICE =
      "put the key in ${env:…} or ${file:…}, or give its key-sha256";

  private final Problems problems;
  private final SecretResolver secrets;
  private final Set<String> personaIds;
  private final UniqueIds ids;
  // SHA-256 of every key seen -> the agent holding it; one key must identify one agent.
  private final Map<String, String> keyOwners = new HashMap<>();

  AgentBinder(Problems problems, SecretResolver secrets, Set<String> personaIds) {
    this.problems = problems;
    this.secrets = secrets;
    this.personaIds = personaIds;
    this.ids = new UniqueIds(problems);
  }

  Optional<AgentConfig> bind(YamlNode node) {
    Optional<Section> read = Section.of(node, problems, KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Section s = read.get();
    Optional<String> id = ids.read(s);
    String owner = "agent " + id.orElse(s.node().path());
    List<String> personas = personas(s);
    List<Secret> keys = new ArrayList<>();
    List<String> keySha256 = new ArrayList<>();
    List<YamlNode> keyNodes = items(s, "keys");
    List<YamlNode> hashNodes = items(s, "key-sha256");
    for (YamlNode keyNode : keyNodes) {
      secrets
          .reference(keyNode, KEY_ADVICE)
          .ifPresent(
              key -> {
                keys.add(key);
                claim(keyNode, sha256(key.reveal()), owner);
              });
    }
    for (YamlNode hashNode : hashNodes) {
      Section.asScalar(hashNode, problems)
          .ifPresent(
              hash -> {
                if (SHA256_HEX.matcher(hash.text()).matches()) {
                  keySha256.add(hash.text());
                  claim(hash, hash.text(), owner);
                } else {
                  problems.add(hash, "must be 64 lower-case hex characters (a SHA-256 digest)");
                }
              });
    }
    if (s.isEmptyList("keys") && s.isEmptyList("key-sha256")) {
      s.missing("keys", "an agent needs at least one key or key-sha256");
    }
    Optional<String> userHeader = userHeader(s);
    return id.map(i -> new AgentConfig(i, personas, keys, keySha256, userHeader));
  }

  private Optional<String> userHeader(Section s) {
    return s.plainScalar("user-header")
        .flatMap(
            node -> {
              String name = node.text();
              if (!HEADER_NAME.matcher(name).matches()) {
                problems.add(node, "must be an HTTP header name, e.g. X-End-User");
                return Optional.empty();
              }
              if (RESERVED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(
                    node, "'" + name + "' carries something else; name a header of its own");
                return Optional.empty();
              }
              return Optional.of(name);
            });
  }

  private List<String> personas(Section s) {
    if (s.isEmptyList("personas")) {
      s.missing("personas", "an agent needs at least one persona");
    }
    List<String> personas = new ArrayList<>();
    for (YamlNode item : items(s, "personas")) {
      Section.asScalar(item, problems)
          .ifPresent(
              persona -> {
                if (personaIds.contains(persona.text())) {
                  personas.add(persona.text());
                } else {
                  problems.add(persona, "unknown persona '" + persona.text() + "'; " + defined());
                }
              });
    }
    return personas;
  }

  private String defined() {
    return personaIds.isEmpty()
        ? "no personas are defined"
        : "defined: " + String.join(", ", new TreeSet<>(personaIds));
  }

  private static List<YamlNode> items(Section s, String key) {
    return s.sequence(key).map(YamlNode.Sequence::items).orElse(List.of());
  }

  private void claim(YamlNode at, String keyHash, String owner) {
    String first = keyOwners.putIfAbsent(keyHash, owner);
    if (first != null && !first.equals(owner)) {
      problems.add(at, "the same key is already given to " + first + "; each key names one agent");
    }
  }

  private static String sha256(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
