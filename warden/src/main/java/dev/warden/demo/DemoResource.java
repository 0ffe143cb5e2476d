package dev.warden.demo;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A listed resource of a declared MCP server.
 *
 * @param reader called on each read, so the text reflects changes to the data; empty when the
 *     resource has gone (a deleted ticket, say)
 */
public record DemoResource(
    String uri,
    String name,
    String title,
    String description,
    String mimeType,
    Supplier<Optional<String>> reader) {

  public DemoResource {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(reader, "reader");
  }

  /** A resource whose text never changes. */
  public static DemoResource fixed(
      String uri, String name, String title, String description, String mimeType, String text) {
    Optional<String> value = Optional.of(text);
    return new DemoResource(uri, name, title, description, mimeType, () -> value);
  }
}
