package dev.warden.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches URIs against an RFC 6570 template made of literals and simple {@code {name}} expressions.
 * A variable takes a non-empty value without '/', up to the next literal; that is all the demo
 * templates need, and it keeps matching a linear scan.
 */
final class UriTemplate {
  private final List<String> literals = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  /** literals.get(i) precedes names.get(i); the last literal follows the last name. */
  UriTemplate(String template) {
    int at = 0;
    while (true) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        literals.add(template.substring(at));
        return;
      }
      int close = template.indexOf('}', open);
      if (close < 0 || close == open + 1) {
        throw new IllegalArgumentException("bad URI template '" + template + "'");
      }
      literals.add(template.substring(at, open));
      names.add(template.substring(open + 1, close));
      at = close + 1;
      if (at < template.length() && template.charAt(at) == '{') {
        throw new IllegalArgumentException("adjacent variables in '" + template + "'");
      }
    }
  }

  Optional<Map<String, String>> match(String uri) {
    if (!uri.startsWith(literals.getFirst())) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    int at = literals.getFirst().length();
    for (int i = 0; i < names.size(); i++) {
      String next = literals.get(i + 1);
      boolean last = i == names.size() - 1;
      int end;
      if (next.isEmpty()) {
        end = last ? uri.length() : -1;
      } else {
        end = last ? uri.lastIndexOf(next) : uri.indexOf(next, at);
      }
      if (end <= at) {
        return Optional.empty();
      }
      String value = uri.substring(at, end);
      if (value.indexOf('/') >= 0) {
        return Optional.empty();
      }
      values.put(names.get(i), value);
      at = end + next.length();
    }
    return at == uri.length() ? Optional.of(values) : Optional.empty();
  }
}
