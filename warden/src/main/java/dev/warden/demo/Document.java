package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * A markdown page of the demo document store.
 *
 * @param path such as {@code runbooks/backup-restore.md}; the resource URI is doc://path
 */
public record Document(String path, String title, LocalDate reviewed, String markdown) {

  public String uri() {
    return "doc://" + path;
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object().put("path", path).put("title", title);
    return node.put("reviewed", reviewed.toString()).put("markdown", markdown);
  }
}
