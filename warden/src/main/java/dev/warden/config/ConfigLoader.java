package dev.warden.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a Warden configuration file, checks all of it and resolves its secret references.
 *
 * <p>Every problem found is reported at once, each with file, line and key, so one {@code warden
 * check} run shows everything to fix. No message ever holds a secret value.
 */
public final class ConfigLoader {
  private final Function<String, String> env;

  /**
   * @param env looks up environment variables for {@code ${env:NAME}}; returns null when unset (the
   *     contract of {@link System#getenv(String)})
   */
  public ConfigLoader(Function<String, String> env) {
    this.env = Objects.requireNonNull(env);
  }

  /** Loads {@code file} with the process environment. */
  public static WardenConfig load(Path file) throws IOException, ConfigException {
    return new ConfigLoader(System::getenv).read(file);
  }

  /**
   * Loads only the {@code storage} and {@code audit} settings of {@code file} (for the audit
   * commands, which run while the gateway is stopped and need none of its other secrets).
   */
  public static WardenConfig loadStorage(Path file) throws IOException, ConfigException {
    String yaml = Files.readString(file);
    Problems problems = new Problems(file);
    YamlNode.Mapping root = new YamlReader(problems).readDocument(yaml);
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent() == null ? absolute : absolute.getParent();
    SecretResolver secrets = new SecretResolver(System::getenv, folder, problems);
    WardenConfig config = new ConfigBinder(problems, secrets).bindStorage(root, file);
    problems.throwIfAny();
    return config;
  }

  /**
   * Loads {@code file}.
   *
   * @throws IOException when the file itself cannot be read
   * @throws ConfigException when its content is not a valid configuration
   */
  public WardenConfig read(Path file) throws IOException, ConfigException {
    return parse(Files.readString(file), file);
  }

  /**
   * Parses configuration text. {@code nameForErrors} names the file in problems and becomes {@link
   * WardenConfig#source()}; relative {@code ${file:…}} paths are read from its folder.
   */
  public WardenConfig parse(String yaml, Path nameForErrors) throws ConfigException {
    Problems problems = new Problems(nameForErrors);
    YamlNode.Mapping root = new YamlReader(problems).readDocument(yaml);
    Path absolute = nameForErrors.toAbsolutePath();
    Path folder = absolute.getParent() == null ? absolute : absolute.getParent();
    SecretResolver secrets = new SecretResolver(env, folder, problems);
    WardenConfig config = new ConfigBinder(problems, secrets).bind(root, nameForErrors);
    problems.throwIfAny();
    return config;
  }
}
