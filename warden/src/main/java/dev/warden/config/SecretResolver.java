package dev.warden.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}}, the only ways a secret enters the
 * configuration. Problems name the variable or path, never a value; relative paths are read from
 * the configuration file's folder so a config and its secrets can move together.
 */
final class SecretResolver {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:.*");
  private static final long MAX_FILE_BYTES = 64 * 1024;
  private static final String FORMS = "use ${env:NAME} or ${file:PATH}";

  private final Function<String, String> env;
  private final Path baseDir;
  private final Problems problems;

  SecretResolver(Function<String, String> env, Path baseDir, Problems problems) {
    this.env = env;
    this.baseDir = baseDir;
    this.problems = problems;
  }

  /**
   * A value that must be exactly one reference (agent keys, admin tokens). The literal is never
   * echoed: here the literal itself would be the secret.
   */
  Optional<Secret> reference(YamlNode node, String literalAdvice) {
    Optional<YamlNode.Scalar> scalar = Section.asScalar(node, problems);
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    String text = scalar.get().text();
    if (!text.contains("${")) {
      problems.add(node, "a literal is not allowed here; " + literalAdvice);
      return Optional.empty();
    }
    if (!text.startsWith("${") || text.indexOf('}') != text.length() - 1) {
      problems.add(node, "must be a single ${env:…} or ${file:…} reference with nothing around it");
      return Optional.empty();
    }
    return resolve(scalar.get());
  }

  /** A value that may be literal or hold references anywhere in it (headers, stdio env). */
  Optional<Secret> value(YamlNode node) {
    return Section.asScalar(node, problems)
        .flatMap(s -> s.text().contains("${") ? resolve(s) : Optional.of(Secret.literal(s.text())));
  }

  private Optional<Secret> resolve(YamlNode.Scalar node) {
    String text = node.text();
    StringBuilder out = new StringBuilder();
    boolean resolved = true;
    String lastReference = "";
    int pos = 0;
    for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", pos)) {
      int end = text.indexOf('}', start);
      if (end < 0) {
        problems.add(node, "unterminated ${ without a closing }; " + FORMS);
        return Optional.empty();
      }
      out.append(text, pos, start);
      lastReference = text.substring(start + 2, end);
      Optional<String> value = lookup(node, lastReference);
      value.ifPresent(out::append);
      resolved &= value.isPresent();
      pos = end + 1;
    }
    out.append(text, pos, text.length());
    if (!resolved) {
      return Optional.empty();
    }
    // The origin is what the file says, which never holds the value: the bare reference when it is
    // the whole text, else the template itself ("Bearer ${env:X}").
    boolean whole = text.equals("${" + lastReference + "}");
    return Optional.of(Secret.of(out.toString(), whole ? lastReference : text));
  }

  private Optional<String> lookup(YamlNode node, String reference) {
    if (reference.startsWith("env:")) {
      return environment(node, reference.substring(4));
    }
    if (reference.startsWith("file:")) {
      return file(node, reference.substring(5));
    }
    String shown =
        SCHEME.matcher(reference).matches()
            ? "${" + reference.substring(0, reference.indexOf(':') + 1) + "…}"
            : "${…} without env: or file:";
    problems.add(node, shown + " is not supported; " + FORMS);
    return Optional.empty();
  }

  private Optional<String> environment(YamlNode node, String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      problems.add(node, "${env:…} needs a variable name of letters, digits and _");
      return Optional.empty();
    }
    String value = env.apply(name);
    if (value == null || value.isEmpty()) {
      problems.add(
          node, "environment variable " + name + " is " + (value == null ? "not set" : "empty"));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private Optional<String> file(YamlNode node, String name) {
    if (name.isBlank()) {
      problems.add(node, "${file:…} needs a path");
      return Optional.empty();
    }
    String failure;
    try {
      Path path = baseDir.resolve(name);
      if (Files.isDirectory(path)) {
        failure = "is a directory";
      } else if (Files.size(path) > MAX_FILE_BYTES) {
        failure = "is larger than 64 KiB";
      } else {
        String value = Files.readString(path).replaceFirst("[\r\n]+$", "");
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
        failure = "is empty";
      }
    } catch (NoSuchFileException e) {
      failure = "does not exist";
    } catch (AccessDeniedException e) {
      failure = "cannot be read (permission denied)";
    } catch (MalformedInputException e) {
      failure = "is not UTF-8 text";
    } catch (IOException | RuntimeException e) {
      failure = "cannot be read (" + e.getClass().getSimpleName() + ")";
    }
    problems.add(node, "secret file " + name + " " + failure);
    return Optional.empty();
  }
}
