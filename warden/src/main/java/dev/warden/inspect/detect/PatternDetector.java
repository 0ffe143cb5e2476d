package dev.warden.inspect.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A type found by a linear-time RE2/J expression, run only in a small window around an occurrence
 * of one of its keywords: a vendor prefix ({@code ghp_}, {@code AKIA}) that starts the value, or a
 * context word ({@code passport}) that the value follows.
 *
 * @param before how many chars before the keyword the value may start
 * @param after how many chars after the keyword the value may end
 * @param group the regex group that is the value (0 for the whole match)
 * @param needs a cheap test the search window must pass before the expression runs on it; it may
 *     only reject windows where the expression cannot match
 * @param wordStart whether a keyword counts only where it starts a word (a context word such as
 *     {@code lat}, not inside "escalated"); a value after a context word always needs that
 * @param shape the expression matched by hand at its one keyword ({@link TokenShape}), or null
 */
public record PatternDetector(
    String type,
    Confidence confidence,
    Set<String> frameworks,
    List<String> keywords,
    Pattern regex,
    int before,
    int after,
    int group,
    Predicate<String> valid,
    Predicate<String> needs,
    boolean wordStart,
    TokenShape shape)
    implements Detector {

  /** The window test of a detector that needs none. */
  private static final Predicate<String> ANY_WINDOW = w -> true;

  /** A value that starts with (or contains) one of its keywords. */
  public static PatternDetector anchored(
      String type, Confidence conf, Set<String> fw, String regex, String... keywords) {
    return new PatternDetector(
        type,
        conf,
        fw,
        List.of(keywords),
        Pattern.compile(regex),
        8,
        600,
        0,
        v -> true,
        ANY_WINDOW,
        false,
        keywords.length == 1 && shapeStartsWith(regex, keywords[0]) ? TokenShape.of(regex) : null);
  }

  /** Whether the literal of a {@link TokenShape} expression is {@code keyword}, in any case. */
  private static boolean shapeStartsWith(String regex, String keyword) {
    String body = regex.startsWith("\\b") ? regex.substring(2) : regex;
    return body.replace("\\.", ".").regionMatches(true, 0, keyword, 0, keyword.length());
  }

  /** A value written shortly after a context word; group 1 of {@code regex} is the value. */
  public static PatternDetector afterWord(
      String type,
      Confidence conf,
      Set<String> fw,
      String regex,
      Predicate<String> valid,
      String... words) {
    return new PatternDetector(
        type,
        conf,
        fw,
        Words.variantList(words),
        Pattern.compile(regex),
        0,
        40,
        1,
        valid,
        ANY_WINDOW,
        false,
        null);
  }

  public PatternDetector validated(Predicate<String> check) {
    return new PatternDetector(
        type,
        confidence,
        frameworks,
        keywords,
        regex,
        before,
        after,
        group,
        check,
        needs,
        wordStart,
        shape);
  }

  public PatternDetector window(int newBefore, int newAfter) {
    return new PatternDetector(
        type,
        confidence,
        frameworks,
        keywords,
        regex,
        newBefore,
        newAfter,
        group,
        valid,
        needs,
        wordStart,
        shape);
  }

  /** This detector, running its expression only on windows {@code test} accepts. */
  public PatternDetector needing(Predicate<String> test) {
    return new PatternDetector(
        type,
        confidence,
        frameworks,
        keywords,
        regex,
        before,
        after,
        group,
        valid,
        test,
        wordStart,
        shape);
  }

  /** This detector, running only where one of its keywords starts a word. */
  public PatternDetector atWordStart() {
    return new PatternDetector(
        type,
        confidence,
        frameworks,
        keywords,
        regex,
        before,
        after,
        group,
        valid,
        needs,
        true,
        shape);
  }

  /** Whether {@code s} holds a digit, a dot and four more digits (a coordinate's shape). */
  public static boolean hasDecimal4(String s) {
    int run = -1; // digits after a "digit." seen so far; -1 outside such a run
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (run >= 0 && ++run >= 4) {
          return true;
        }
      } else {
        run = c == '.' && i > 0 && isDigit(s.charAt(i - 1)) ? 0 : -1;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public List<String> types() {
    return List.of(type);
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    if ((group != 0 || wordStart) && !text.wordStartsAt(start)) {
      return; // "page=95" is not an age, "usage: 93" neither; "lat" in "later" is no latitude
    }
    if (shape != null && needs == ANY_WINDOW) {
      // The value starts with the keyword; a later one in the window has a keyword of its own.
      int to = Math.min(text.length(), end + after);
      int e = shape.matchAt(text.text(), start, to);
      if (e > start && valid.test(text.text().substring(start, e))) {
        out.add(new Finding(type, start, e, confidence, frameworks));
      }
      return;
    }
    // A value after a context word is matched from the word's end; a prefixed value around it.
    int from = group != 0 ? Labels.restOfKey(text, end) : Math.max(0, start - before);
    if (group != 0 && !Labels.onlyContinues(text.text(), end, from)) {
      return; // birthday_promo_start, passport_expiry: the key names something else
    }
    int to = Math.min(text.length(), (group != 0 ? from : end) + after);
    if (group != 0 && !mayStartAt(text.text(), from, to)) {
      return; // "exp" in "export": the value must follow a colon, quote or space, not a letter
    }
    if (!match(text, from, to, start, out) && group != 0) {
      // A column header labels the cells below it (the cell's delimiter starts each window).
      Columns.below(
          text, start, from, (cell, cellEnd) -> match(text, cell - 1, cellEnd, start, out));
    }
  }

  /** Runs the expression on {@code [from, to)}; whether it found a value. */
  private boolean match(ScanText text, int from, int to, int start, List<Finding> out) {
    String window = text.text().substring(from, to);
    if (!needs.test(window)) {
      return false;
    }
    Matcher m = regex.matcher(window);
    int search = 0;
    boolean found = false;
    while (search <= to - from && m.find(search)) {
      int s = m.start(group);
      int e = m.end(group);
      if (s >= 0 && e > s && valid.test(m.group(group))) {
        out.add(new Finding(type, from + s, from + e, confidence, frameworks));
        found = true;
      }
      search = Math.max(m.end(), m.start() + 1);
      if (group != 0 || before == 0) {
        return found; // one value per context word
      }
      if (from + m.end() > start) {
        return found; // later values start past this keyword: their own keywords find them
      }
    }
    return found;
  }

  /**
   * Whether {@link #regex} can match from {@code from}: an expression that starts with {@code
   * ^[^A-Za-z0-9]{n,…}} (n ≥ 1) or with {@link Labels#VALUE} needs a char that is not an ASCII
   * letter or digit there. Cheaper than the expression, which fails on every context word glued to
   * more letters.
   */
  boolean mayStartAt(String text, int from, int to) {
    boolean separatorFirst =
        (regex.pattern().startsWith(NON_ALNUM_FIRST) && !regex.pattern().startsWith("{0", 13))
            || regex.pattern().startsWith(Labels.SEPARATORS_FIRST);
    if (!separatorFirst) {
      return true;
    }
    return from < to && !isAsciiAlnum(text.charAt(from));
  }

  private static final String NON_ALNUM_FIRST = "^[^A-Za-z0-9]{";

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
