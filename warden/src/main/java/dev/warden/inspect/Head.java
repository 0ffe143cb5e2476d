package dev.warden.inspect;

/**
 * The first letters and digits of a candidate before it is built, as {@link Detector#examinesHead}
 * reads them: up to eight chars of its first group, upper-cased, one per byte of a {@code long}
 * from the lowest.
 */
public final class Head {
  private Head() {}

  /** The head of {@code s[from, from + known)}, {@code known} at most eight, upper-cased. */
  static long of(byte[] s, int from, int known) {
    long head = 0;
    for (int i = known - 1; i >= 0; i--) {
      byte c = s[from + i];
      head = head << 8 | (c >= 'a' && c <= 'z' ? c - 32 : c) & 0xFF;
    }
    return head;
  }

  /** The char at {@code i} of {@code head}, below its known count. */
  public static char at(long head, int i) {
    return (char) (head >>> (i << 3) & 0xFF);
  }

  /** The number the digits {@code [from, to)} of {@code head} write, or -1 where one is not. */
  public static int number(long head, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = at(head, i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + c - '0';
    }
    return n;
  }
}
