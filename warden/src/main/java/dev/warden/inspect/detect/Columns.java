package dev.warden.inspect.detect;

import dev.warden.inspect.ScanText;

/**
 * Labels that head a column: a CSV or TSV header ({@code id,name,passport_no}), or a Markdown table
 * header ({@code | Name | Passport No |}), label the cells below them, not the text after them. A
 * label is a header cell when it fills a cell of the text's line between delimiters; its column's
 * cells are then those of the following lines, up to the first line that is not a row.
 */
final class Columns {
  /** How many rows below a header are read, and how far. */
  static final int MAX_ROWS = 50;

  static final int MAX_CHARS = 8192;

  private static final String DELIMITERS = ",;\t|";

  /** Receives one cell {@code [start, end)} of the column. */
  interface Cells {
    void cell(int start, int end);
  }

  private Columns() {}

  /**
   * Calls {@code cells} for each cell below the label {@code [start, end)} when the label is a
   * header cell; does nothing otherwise.
   */
  static void below(ScanText text, int start, int end, Cells cells) {
    String s = text.text();
    int cellEnd = cellEnd(s, end);
    if (cellEnd < 0) {
      return; // a label followed by its value, or prose
    }
    int lineStart = lineStart(s, start);
    if (lineStart < 0) {
      return; // a line this long is no header row
    }
    char delimiter = cellEnd < s.length() ? s.charAt(cellEnd) : '\n';
    if (delimiter == '\r' || delimiter == '\n') {
      delimiter = before(s, lineStart, start);
    }
    if (DELIMITERS.indexOf(delimiter) < 0 || before(s, lineStart, start) == 0) {
      return; // not between delimiters
    }
    int headerEnd = s.indexOf('\n', end);
    if (headerEnd < 0) {
      return;
    }
    int width = count(s, lineStart, headerEnd, delimiter);
    int column = count(s, lineStart, start, delimiter);
    int line = headerEnd + 1;
    int limit = Math.min(s.length(), line + MAX_CHARS);
    for (int row = 0; line < limit && row < MAX_ROWS; row++) {
      int lineEnd = s.indexOf('\n', line);
      lineEnd = lineEnd < 0 ? s.length() : lineEnd;
      if (count(s, line, lineEnd, delimiter) != width) {
        return; // the table has ended (or never was one)
      }
      if (!ruler(s, line, lineEnd)) {
        cell(s, line, lineEnd, delimiter, column, cells);
      }
      line = lineEnd + 1;
    }
  }

  /** Where the line of {@code at} starts, looked for at most MAX_CHARS back; -1 past that. */
  private static int lineStart(String s, int at) {
    int stop = Math.max(0, at - MAX_CHARS);
    for (int i = at - 1; i >= stop; i--) {
      if (s.charAt(i) == '\n') {
        return i + 1;
      }
    }
    return stop == 0 ? 0 : -1;
  }

  /**
   * Where the label's cell ends: the next delimiter or line end, past at most a few more words of
   * the label ({@code Passport No}); -1 when a digit or too much text comes first.
   */
  private static int cellEnd(String s, int end) {
    int limit = Math.min(s.length(), end + 32);
    for (int i = end; i < limit; i++) {
      char c = s.charAt(i);
      if (DELIMITERS.indexOf(c) >= 0 || c == '\n' || c == '\r') {
        return i;
      }
      if (!(Character.isLetter(c) || c == ' ' || c == '"' || c == '_' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return limit == s.length() ? limit : -1;
  }

  /**
   * The delimiter just before the label (after blanks and a quote), {@code '\n'} for a label that
   * starts its line, or 0 for anything else.
   */
  private static char before(String s, int lineStart, int start) {
    int i = start - 1;
    while (i >= lineStart && (s.charAt(i) == ' ' || s.charAt(i) == '"')) {
      i--;
    }
    if (i < lineStart) {
      return '\n';
    }
    return DELIMITERS.indexOf(s.charAt(i)) >= 0 ? s.charAt(i) : 0;
  }

  private static int count(String s, int from, int to, char delimiter) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += s.charAt(i) == delimiter ? 1 : 0;
    }
    return n;
  }

  /** A Markdown table's line under its header: only dashes, colons, bars and blanks. */
  private static boolean ruler(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if ("-:| \t\r".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static void cell(String s, int line, int lineEnd, char delimiter, int column, Cells out) {
    int start = line;
    for (int k = 0; k < column; k++) {
      int next = s.indexOf(delimiter, start);
      if (next < 0 || next >= lineEnd) {
        return;
      }
      start = next + 1;
    }
    int end = s.indexOf(delimiter, start);
    end = end < 0 || end > lineEnd ? lineEnd : end;
    if (end > start) {
      out.cell(start, end);
    }
  }
}
