package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inspect.detect.Catalogue;
import dev.warden.inspect.prefilter.AhoCorasick;
import dev.warden.inspect.prefilter.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A detector that refuses candidates by their first chars ({@link Detector#examinesHead}) refuses
 * only what its own examination finds nothing in: sample values of its types, and those values with
 * one char changed (which now and then stay valid), each beside its context words.
 */
class HeadPropertiesTest {
  private static final List<Detector> READERS =
      Catalogue.all().stream().filter(Detector::readsHead).map(d -> (Detector) d).toList();

  /** A sample value of a type of a head-reading detector, with that detector. */
  private record Case(Detector detector, String value) {}

  private static final List<Case> CASES = cases();

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try {
      for (CorpusGenerator.Sample s : CorpusGenerator.samples()) {
        for (Detector d : READERS) {
          if (d.types().contains(s.type())) {
            cases.add(new Case(d, s.value()));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return cases;
  }

  @Property(tries = 3000)
  void refusesOnlyWhatItWouldNotFind(@ForAll("changed") Case c) {
    String compact = compact(c.value());
    Detector d = c.detector();
    if (compact.isEmpty() || !contains(d.candidateLengths(), compact.length())) {
      return;
    }
    List<String> words =
        d.contextWords().stream().filter(w -> w.chars().allMatch(ch -> ch < 128)).toList();
    String text = String.join(" ", words) + " : " + compact;
    int start = text.length() - compact.length();
    ScanText scan = new ScanText(text, words, new boolean[words.size()]);
    if (!words.isEmpty()) {
      new AhoCorasick(words).scan(Ascii.of(text), text.length(), scan::addHit);
    }
    List<Finding> found = new ArrayList<>();
    d.examine(
        scan,
        new Candidate(start, text.length(), compact, new int[] {compact.length()}, (char) 0),
        found);
    int known = Math.min(8, compact.length());
    byte[] bytes = compact.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
    boolean examines = d.examinesHead(Head.of(bytes, 0, known), known, compact.length());
    if (!found.isEmpty()) {
      assertThat(examines).as("%s refuses %s", d.types(), compact).isTrue();
    }
  }

  @Property(tries = 200)
  void theSamplesThemselvesPass(@ForAll("samples") Case c) {
    String compact = compact(c.value());
    if (!contains(c.detector().candidateLengths(), compact.length())) {
      return;
    }
    int known = Math.min(8, compact.length());
    byte[] bytes = compact.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(c.detector().examinesHead(Head.of(bytes, 0, known), known, compact.length()))
        .as("%s refuses %s", c.detector().types(), compact)
        .isTrue();
  }

  @Provide
  Arbitrary<Case> samples() {
    return Arbitraries.of(CASES);
  }

  @Provide
  Arbitrary<Case> changed() {
    return Combinators.combine(
            Arbitraries.of(CASES),
            Arbitraries.integers().between(0, 7),
            Arbitraries.of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()),
            Arbitraries.integers().between(0, 3))
        .as(
            (c, at, ch, how) -> {
              String v = compact(c.value());
              if (c.detector().digitCandidates() && !Character.isDigit(ch)) {
                ch = (char) ('0' + ch % 10);
              }
              if (how == 0 || at >= v.length()) {
                return c; // unchanged, now and then
              }
              return new Case(c.detector(), v.substring(0, at) + ch + v.substring(at + 1));
            });
  }

  /** The letters and digits of {@code value}, upper-cased, as a candidate's compact form. */
  private static String compact(String value) {
    StringBuilder b = new StringBuilder();
    for (char ch : value.toCharArray()) {
      if (ch < 128 && Character.isLetterOrDigit(ch)) {
        b.append(Character.toUpperCase(ch));
      }
    }
    return b.toString();
  }

  private static boolean contains(int[] lengths, int length) {
    for (int l : lengths) {
      if (l == length) {
        return true;
      }
    }
    return false;
  }
}
