package dev.warden.demo;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A resource template such as {@code ticket://{id}}: any URI that matches it can be read.
 *
 * @param uriTemplate an RFC 6570 template using only simple {@code {name}} expressions
 * @param reader gets the template's variables; empty means no such resource
 */
public record DemoResourceTemplate(
    String uriTemplate,
    String name,
    String title,
    String description,
    String mimeType,
    Function<Map<String, String>, Optional<String>> reader) {

  public DemoResourceTemplate {
    Objects.requireNonNull(uriTemplate, "uriTemplate");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(reader, "reader");
  }
}
