package dev.warden.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming parser. Syntax errors end
 * reading; duplicate keys and aliases are recorded as problems and reading goes on.
 */
final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final Problems problems;

  YamlReader(Problems problems) {
    this.problems = problems;
  }

  /** The single document in {@code yaml}, which must be a mapping. */
  YamlNode.Mapping readDocument(String yaml) throws ConfigException {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
      if (parser.nextToken() == null) {
        throw problems.fatal(1, 1, "the file is empty; expected a mapping with at least servers:");
      }
      YamlNode root = read(parser, "");
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw problems.fatal(
            at.getLineNr(),
            at.getColumnNr(),
            "only one YAML document is allowed; a second one (after ---) starts here");
      }
      if (!(root instanceof YamlNode.Mapping mapping)) {
        throw problems.fatal(
            root.line(), root.column(), "the top level must be a mapping (key: value lines)");
      }
      return mapping;
    } catch (MarkedYAMLException e) {
      throw syntaxError(e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      throw problems.fatal(line, column, "YAML syntax: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private ConfigException syntaxError(MarkedYAMLException e) {
    var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? 1 : mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    String message = "YAML syntax: " + (e.getProblem() == null ? "invalid" : e.getProblem());
    if (e.getContext() != null && e.getContextMark() != null) {
      message += " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
    }
    return problems.fatal(line, column, message);
  }

  private YamlNode read(YAMLParser parser, String path) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return readMapping(parser, path, line, column);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(parser, YamlNode.item(path, items.size())));
      }
      return new YamlNode.Sequence(path, line, column, items);
    }
    if (parser.isCurrentAlias()) {
      // Aliases would let one config value silently stand for another; the format needs none.
      problems.add(line, column, path, "YAML aliases (*name) are not supported here");
    }
    boolean isNull = token == JsonToken.VALUE_NULL;
    return new YamlNode.Scalar(path, line, column, isNull ? "" : parser.getText(), isNull);
  }

  private YamlNode.Mapping readMapping(YAMLParser parser, String path, int line, int column)
      throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation keyAt = parser.currentTokenLocation();
      parser.nextToken();
      YamlNode value = read(parser, YamlNode.child(path, key));
      YamlNode.Entry entry = new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value);
      YamlNode.Entry first = entries.putIfAbsent(key, entry);
      if (first != null) {
        problems.add(
            entry.line(),
            entry.column(),
            YamlNode.child(path, key),
            "duplicate key (first at line " + first.line() + ")");
      }
    }
    return new YamlNode.Mapping(path, line, column, entries);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
