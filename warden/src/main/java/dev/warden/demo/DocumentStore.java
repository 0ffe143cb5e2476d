package dev.warden.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The demo's read-only document store. */
public final class DocumentStore {
  private static final int SNIPPET_CHARS = 160;

  private final List<Document> documents;

  DocumentStore(List<Document> documents) {
    this.documents = List.copyOf(documents);
  }

  public static DocumentStore generate(long seed) {
    return new DocumentStore(DocumentCorpus.generate(seed));
  }

  /** A search hit: the document and a piece of text around the first match. */
  public record Hit(Document document, String snippet) {}

  public List<Document> all() {
    return documents;
  }

  public Optional<Document> find(String path) {
    String wanted = path.startsWith("doc://") ? path.substring("doc://".length()) : path;
    return documents.stream().filter(d -> d.path().equals(wanted)).findFirst();
  }

  /** Documents whose title or text contain {@code query}, case ignored, in store order. */
  public List<Hit> search(String query) {
    String needle = query.strip().toLowerCase(Locale.ROOT);
    List<Hit> hits = new ArrayList<>();
    for (Document d : documents) {
      String text = d.markdown().toLowerCase(Locale.ROOT);
      int at = text.indexOf(needle);
      if (at >= 0 || d.title().toLowerCase(Locale.ROOT).contains(needle)) {
        hits.add(new Hit(d, snippet(d.markdown(), Math.max(at, 0), needle.length())));
      }
    }
    return hits;
  }

  private static String snippet(String text, int at, int length) {
    int from = Math.max(0, at - SNIPPET_CHARS / 2);
    int to = Math.min(text.length(), at + length + SNIPPET_CHARS / 2);
    String piece = text.substring(from, to).replace('\n', ' ').strip();
    return (from > 0 ? "…" : "") + piece + (to < text.length() ? "…" : "");
  }
}
