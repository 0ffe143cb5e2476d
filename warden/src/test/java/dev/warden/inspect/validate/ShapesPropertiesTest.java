package dev.warden.inspect.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written shape matcher answers exactly as {@link java.util.regex} does, for every shape
 * the validators use, on strings that match, strings one char away from a match, and random strings
 * over the chars the shapes name.
 */
class ShapesPropertiesTest {
  /** Every expression the validators pass to {@link Shapes#matches}. */
  static final List<String> SHAPES =
      List.of(
          "SK[0-9A-F]{32}",
          "[0-3][0-9][A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]",
          "[0-9]{2}[0-3][0-9][01][0-9]{3}[A-Z][0-9]{3}",
          "[0-9]{6}[-+ABCDEFYXWVU][0-9]{3}[0-9A-Y]",
          "[0-9]{7}[A-W][A-IW]?",
          "[0-9]{8}[A-Z]",
          "[1-9][0-9]{16}[0-9X]",
          "[A-HJ-NP-Z]{3}[0-9]{4}|[A-HJ-NP-Z]{3}[0-9]{2}[A-HJ-NP-Z]{2}",
          "[A-HJ-NPR-Z0-9]{17}",
          "[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9]"
              + "[ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2}",
          "[A-Z& ][A-Z&]{3}[0-9]{6}[A-Z0-9]{2}[0-9A]",
          "[A-Z9]{5}[0-9][0-6][0-9][0-3][0-9]{2}[A-Z9]{2}[0-9][A-Z]{2}([0-9]{2})?",
          "[A-Z][12][0-9]{8}",
          "[A-Z]{1,2}[0-9]{6}[0-9A]",
          "[A-Z]{2}[0-9]{6}[A-D]",
          "[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]",
          "[A-Z]{4}[0-9]{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z][0-9]",
          "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]",
          "[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}",
          "[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]",
          "[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}[0-9]",
          "[STFGM][0-9]{7}[A-Z]",
          "[XYZ][0-9]{7}[A-Z]",
          "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
              + "[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y][0-9][0-9]",
          "a?b{0,2}(?:c|d-e){1,3}x");

  private static final String CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ&-+ az_Ñ";

  @Test
  void everyValidatorShapeIsHandWritten() {
    assertThat(SHAPES).allMatch(Shapes::handWritten);
    assertThat(Shapes.handWritten("[0-9:]+")).isFalse();
    assertThat(Shapes.handWritten("[^A-Z]{3}")).isFalse();
    assertThat(Shapes.handWritten("\\d{3}")).isFalse();
    assertThat(Shapes.handWritten("[A-Z&&[^B]]{3}")).isFalse();
  }

  @Property(tries = 3000)
  void matchesAsTheExpression(@ForAll("shapes") String regex, @ForAll long seed) {
    Random random = new Random(seed);
    FixedShape shape = FixedShape.compile(regex);
    Pattern pattern = Pattern.compile(regex);
    String example = shape.example(random);
    assertThat(shape.matches(example)).as(example).isTrue();
    assertThat(pattern.matcher(example).matches()).as(example).isTrue();
    for (String s : List.of(mutated(example, random), random(random), example + "0")) {
      assertThat(shape.matches(s)).as("%s ~ %s", s, regex).isEqualTo(pattern.matcher(s).matches());
      assertThat(Shapes.matches(s, regex)).isEqualTo(pattern.matcher(s).matches());
    }
  }

  /**
   * A string's first chars never rule out a match it is ({@link Shapes#heads}), and where they are
   * all of it, they tell exactly.
   */
  @Property(tries = 3000)
  void headsRuleOutOnlyWhatCannotMatch(@ForAll("shapes") String regex, @ForAll long seed) {
    Random random = new Random(seed);
    Shapes.HeadTest heads = Shapes.heads(regex);
    Pattern pattern = Pattern.compile(regex);
    String example = FixedShape.compile(regex).example(random);
    for (String s : List.of(example, mutated(example, random), random(random))) {
      boolean matches = pattern.matcher(s).matches();
      for (int known = 0; known <= Math.min(8, s.length()); known++) {
        boolean may = heads.mayStart(pack(s, known), known, s.length());
        if (matches) {
          assertThat(may).as("%s ~ %s, %d known", s, regex, known).isTrue();
        }
        if (known == s.length()) {
          assertThat(may).as("%s ~ %s, all known", s, regex).isEqualTo(matches);
        }
      }
    }
  }

  private static long pack(String s, int known) {
    long head = 0;
    for (int i = known - 1; i >= 0; i--) {
      head = head << 8 | (s.charAt(i) & 0xFF);
    }
    return head;
  }

  @Provide
  Arbitrary<String> shapes() {
    return Arbitraries.of(SHAPES);
  }

  private static String mutated(String s, Random random) {
    if (s.isEmpty()) {
      return "A";
    }
    char[] chars = s.toCharArray();
    chars[random.nextInt(chars.length)] = CHARS.charAt(random.nextInt(CHARS.length()));
    String out = new String(chars);
    return random.nextInt(8) == 0 ? out.substring(1) : out;
  }

  private static String random(Random random) {
    int n = random.nextInt(20);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return b.toString();
  }
}
