package dev.warden.config;

import java.nio.file.Path;

/**
 * One thing wrong with a configuration file, located well enough to fix it.
 *
 * @param key the dotted path of the offending value, e.g. {@code servers[1].url}; empty when the
 *     problem is not about one key (a YAML syntax error, an empty file)
 * @param message what is wrong; never contains a secret value
 */
public record ConfigProblem(Path file, int line, int column, String key, String message) {

  /** {@code file:line: key: message}, the form editors and CI logs turn into links. */
  @Override
  public String toString() {
    String where = file + ":" + line + ": ";
    return key.isEmpty() ? where + message : where + key + ": " + message;
  }
}
