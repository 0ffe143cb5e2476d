package dev.warden.inspect.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.re2j.Pattern;
import dev.warden.inspect.Candidate;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Detector;
import dev.warden.inspect.Finding;
import dev.warden.inspect.ScanText;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers, validated by libphonenumber. Alone only when unmistakably written as a phone
 * number: international with {@code +}, or in national grouping ({@code (415) 555-2671}, {@code
 * 415-555-2671}); a bare digit run counts only after a phone word. Dates, times and ids do not
 * validate as numbers of any region, or lack the grouping.
 */
final class PhoneDetector implements Detector {
  private static final Set<String> TAGS = Set.of(Tags.GDPR, Tags.HIPAA, Tags.SOC2);
  private static final Set<String> WORDS =
      Set.of(
          "phone",
          "tel",
          "mobile",
          "cell",
          "fax",
          "contact",
          "whatsapp",
          "sms",
          "telefon",
          "téléphone",
          "telefono",
          "handy");
  private static final Set<String> ID_WORDS =
      Set.of(
          "id",
          "ids",
          "order",
          "ticket",
          "invoice",
          "ref",
          "reference",
          "no",
          "nr",
          "number",
          "tracking",
          "sku",
          "account",
          "acct",
          "case",
          "build",
          "job",
          "run",
          "pid",
          "seq",
          "ts",
          "timestamp",
          "count",
          "total",
          "amount",
          "size",
          "bytes");
  private static final int[] NATIONAL = {3, 3, 4}; // (415) 555-2671's grouping
  static final Pattern NUMBER =
      Pattern.compile("\\+?\\(?[0-9]{1,4}\\)?(?:[ .-]?\\(?[0-9]{1,5}\\)?){1,5}[0-9]");
  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final PhoneRegions regions = new PhoneRegions(true);

  @Override
  public List<String> types() {
    return List.of("PHONE_NUMBER");
  }

  @Override
  public List<String> keywords() {
    return List.of("+", "(");
  }

  @Override
  public List<String> contextWords() {
    return List.copyOf(WORDS);
  }

  @Override
  public int[] candidateLengths() {
    return new int[] {7, 8, 9, 10, 11, 12, 13};
  }

  @Override
  public void atKeyword(ScanText text, int start, int end, List<Finding> out) {
    if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      return;
    }
    if (!digitFollows(text.text(), start, end)) {
      return; // NUMBER needs a digit right after "+", "(" or "+(": "(#12)" or "(see" is no number
    }
    if (zeroAfterPlus(text.text(), start, end)) {
      return; // "+02:00": whatever NUMBER matches, no country code starts with 0 (see below)
    }
    int stop = numberEnd(text.text(), start, Math.min(text.length(), start + 24));
    if (stop < 0) {
      return;
    }
    String number = text.text().substring(start, stop);
    if (stop < text.length() && Character.isLetterOrDigit(text.charAt(stop))) {
      return;
    }
    boolean international = number.startsWith("+");
    if (international && !countryCodeFollows(number)) {
      return; // "+02:00", "+0.5": no country code starts with 0, libphonenumber refuses them
    }
    if (international
        ? regions.validIn(number, "ZZ")
        : number.startsWith("(") && regions.validIn(number, "US")) {
      out.add(new Finding("PHONE_NUMBER", start, stop, Confidence.HIGH, TAGS));
    } else if (international && possible(number) && text.near(WORDS, start, stop)) {
      // Test and fictional ranges (UK 07700 900xxx) are not "valid" yet are phone numbers.
      out.add(new Finding("PHONE_NUMBER", start, stop, Confidence.MEDIUM, TAGS));
    }
  }

  /** Without a phone word, only the groupings examine reads as phone numbers are examined. */
  @Override
  public boolean needsContext(int[] groups, char separator) {
    boolean national = Arrays.equals(groups, NATIONAL) && separator != '/';
    boolean spaced = groups.length > 1 && groups.length <= 4 && separator == ' ';
    return !national && !spaced;
  }

  @Override
  public void examine(ScanText text, Candidate c, List<Finding> out) {
    char before = c.start() > 0 ? text.charAt(c.start() - 1) : 0;
    if (before == '+' || before == '(') {
      return; // the keyword path reads these whole
    }
    boolean grouped =
        (Arrays.equals(c.groups(), NATIONAL) && c.separator() != '/')
            || (c.formatted()
                && c.separator() == ' '
                && c.compact().startsWith("0")
                && c.groups().length <= 4);
    if (codeNumber(text, c.start())) {
      return; // "ORD-30123456": an identifier
    }
    boolean context = text.near(WORDS, c.start(), c.end());
    if (!grouped && !context) {
      return;
    }
    if (ID_WORDS.contains(previousWord(text, c.start()))) {
      return; // "order 4155552671", "ticket_id": "…": an identifier
    }
    if (regions.valid(c.compact(), grouped)) {
      Confidence conf = grouped && context ? Confidence.HIGH : Confidence.MEDIUM;
      out.add(new Finding("PHONE_NUMBER", c.start(), c.end(), conf, TAGS));
    }
  }

  // The states of NUMBER's walk (step), one bit each: what the part read so far allows next.
  private static final int START = 0; // nothing read
  private static final int PLUS = 1; // "+"
  private static final int OPEN = 2; // "(" before the first digits
  private static final int HEAD = 3; // HEAD + k - 1: k of the first 1-4 digits
  private static final int HEAD_CLOSED = 7; // ")" after them
  private static final int SEPARATED = 8; // SEPARATED + r - 1: the separator of group r (1-5)
  private static final int GROUP_OPEN = 13; // GROUP_OPEN + r - 1: the "(" of group r
  private static final int GROUP = 18; // GROUP + 5 * (r - 1) + d - 1: d of group r's 1-5 digits
  private static final int GROUP_CLOSED = 43; // GROUP_CLOSED + r - 1: the ")" of group r

  /**
   * The end of {@link #NUMBER} matched from {@code from} within {@code s[from, to)}, or -1: the
   * expression's automaton, walked one table read per char, which stops where no state is left. RE2
   * prefers, at each step, to repeat and to take an optional char; in this expression that always
   * reaches the farthest end there is, so the walk keeps the last end it reaches.
   */
  static int numberEnd(String s, int from, int to) {
    int state = FIRST;
    int end = -1;
    for (int i = from; i < to && state != DEAD; i++) {
      char c = s.charAt(i);
      int t = state * CLASSES + (c < 128 ? CLASS_OF[c] : CLASSES - 1);
      if (ACCEPTS[t]) {
        end = i + 1;
      }
      state = NEXT[t];
    }
    return end;
  }

  /**
   * A char of each class {@link #NUMBER} tells apart: a digit, each punctuation it reads, other.
   */
  private static final String CLASS_CHARS = "0 .-()+x";

  private static final int CLASSES = CLASS_CHARS.length();
  private static final byte[] CLASS_OF = new byte[128]; // an ASCII char -> its class
  private static final int DEAD = 0; // no state left
  private static final int FIRST = 1; // nothing read
  private static final int[] NEXT; // [state * CLASSES + class] -> state after reading it
  private static final boolean[] ACCEPTS; // [state * CLASSES + class]: a match ends with it

  /** Marks, in what {@link #step} returns, that a match ends with the char read. */
  private static final long ACCEPT = 1L << 63;

  static {
    for (char c = 0; c < 128; c++) {
      int k = CLASS_CHARS.indexOf(c);
      CLASS_OF[c] = (byte) (c >= '0' && c <= '9' ? 0 : k >= 0 && k < CLASSES - 1 ? k : CLASSES - 1);
    }
    // Subset construction: each state of the table is a set of the walk's states (one bit each).
    java.util.List<Long> sets = new java.util.ArrayList<>(List.of(0L, 1L << START));
    java.util.Map<Long, Integer> ids = new java.util.HashMap<>(java.util.Map.of(0L, DEAD));
    ids.put(1L << START, FIRST);
    java.util.List<Integer> next = new java.util.ArrayList<>();
    java.util.List<Boolean> accepts = new java.util.ArrayList<>();
    for (int id = 0; id < sets.size(); id++) {
      for (int k = 0; k < CLASSES; k++) {
        long stepped = step(sets.get(id), CLASS_CHARS.charAt(k));
        long states = stepped & ~ACCEPT;
        Integer to = ids.get(states);
        if (to == null) {
          to = sets.size();
          ids.put(states, to);
          sets.add(states);
        }
        next.add(to);
        accepts.add((stepped & ACCEPT) != 0);
      }
    }
    NEXT = next.stream().mapToInt(Integer::intValue).toArray();
    ACCEPTS = new boolean[accepts.size()];
    for (int t = 0; t < ACCEPTS.length; t++) {
      ACCEPTS[t] = accepts.get(t);
    }
  }

  /**
   * The walk's states after reading {@code c} in {@code states} (one bit per state), with {@link
   * #ACCEPT} set where a match of {@link #NUMBER} ends with {@code c}.
   */
  private static long step(long states, char c) {
    boolean digit = c >= '0' && c <= '9';
    long next = 0;
    boolean accept = false;
    for (long left = states; left != 0; left &= left - 1) {
      int state = Long.numberOfTrailingZeros(left);
      if (state == START || state == PLUS || state == OPEN) {
        if (c == '+' && state == START) {
          next |= 1L << PLUS;
        } else if (c == '(' && state != OPEN) {
          next |= 1L << OPEN;
        } else if (digit) {
          next |= 1L << HEAD;
        }
      } else if (state < HEAD_CLOSED) { // the first digits
        int k = state - HEAD + 1;
        if (digit && k < 4) {
          next |= 1L << (state + 1);
        } else if (c == ')') {
          next |= 1L << HEAD_CLOSED;
        }
        next |= groupStart(c, digit, 1);
      } else if (state == HEAD_CLOSED) {
        next |= groupStart(c, digit, 1);
      } else if (state < GROUP_OPEN) { // after a separator: "(" or a digit
        int r = state - SEPARATED + 1;
        next |= afterSeparator(c, digit, r);
      } else if (state < GROUP) { // after a group's "(": a digit
        if (digit) {
          next |= 1L << (GROUP + 5 * (state - GROUP_OPEN));
        }
      } else if (state < GROUP_CLOSED) {
        int r = (state - GROUP) / 5 + 1;
        int d = (state - GROUP) % 5 + 1;
        if (digit && d < 5) {
          next |= 1L << (state + 1);
        } else if (c == ')') {
          next |= 1L << (GROUP_CLOSED + r - 1);
        }
        accept |= digit;
        next |= r < 5 ? groupStart(c, digit, r + 1) : 0;
      } else { // after a group's ")"
        int r = state - GROUP_CLOSED + 1;
        accept |= digit;
        next |= r < 5 ? groupStart(c, digit, r + 1) : 0;
      }
    }
    return accept ? next | ACCEPT : next;
  }

  /** The states reached by reading {@code c} where group {@code r} may start. */
  private static long groupStart(char c, boolean digit, int r) {
    if (c == ' ' || c == '.' || c == '-') {
      return 1L << (SEPARATED + r - 1);
    }
    return afterSeparator(c, digit, r);
  }

  /** The states reached by reading {@code c} where group {@code r} continues past its separator. */
  private static long afterSeparator(char c, boolean digit, int r) {
    if (c == '(') {
      return 1L << (GROUP_OPEN + r - 1);
    }
    return digit ? 1L << (GROUP + 5 * (r - 1)) : 0;
  }

  /**
   * Whether {@link #NUMBER} can match from the keyword at {@code [start, end)}: a digit must follow
   * it, or "(" and a digit after "+". Cheaper than the expression, which fails on most keywords.
   */
  static boolean digitFollows(String s, int start, int end) {
    boolean plusParen = end < s.length() && s.charAt(start) == '+' && s.charAt(end) == '(';
    int first = plusParen ? end + 1 : end;
    return first < s.length() && s.charAt(first) >= '0' && s.charAt(first) <= '9';
  }

  /**
   * Whether the keyword is a {@code +} whose first digit (after an optional "("; {@link
   * #digitFollows} holds) is 0: a number {@link #NUMBER} matches from there starts "+0" or "+(0",
   * which {@link #countryCodeFollows} refuses, so the expression need not run.
   */
  static boolean zeroAfterPlus(String s, int start, int end) {
    if (s.charAt(start) != '+') {
      return false;
    }
    int first = end < s.length() && s.charAt(end) == '(' ? end + 1 : end;
    return first < s.length() && s.charAt(first) == '0';
  }

  /**
   * Whether the digits after a leading {@code +} can start a country code: libphonenumber refuses
   * (throws from {@code parse}) a number whose digits after the plus start with 0, or are fewer
   * than three, whatever the region, so neither check nor validation can pass for them.
   */
  static boolean countryCodeFollows(String number) {
    int digits = 0;
    for (int i = 1; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 0 && c == '0') {
          return false;
        }
        digits++;
      }
    }
    return digits > 2;
  }

  private boolean possible(String number) {
    try {
      return util.isPossibleNumber(util.parse(number, "ZZ"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /**
   * Whether the digits at {@code start} are the number part of a code: glued by a hyphen to the
   * letters before them ({@code ORD-30123456}, {@code INV-2012345678}), as no phone number is
   * written.
   */
  static boolean codeNumber(ScanText text, int start) {
    if (start < 2 || text.charAt(start - 1) != '-') {
      return false;
    }
    char c = text.charAt(start - 2);
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** The lower-case word just before {@code start}, past a few quotes, colons and spaces. */
  static String previousWord(ScanText text, int start) {
    int i = start;
    while (i > 0 && start - i < 5 && !Character.isLetterOrDigit(text.charAt(i - 1))) {
      i--;
    }
    int end = i;
    while (i > 0 && end - i < 16 && Character.isLetter(text.charAt(i - 1))) {
      i--;
    }
    return text.text().substring(i, end).toLowerCase(java.util.Locale.ROOT);
  }
}
