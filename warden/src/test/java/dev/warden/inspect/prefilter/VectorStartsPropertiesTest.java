package dev.warden.inspect.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The SIMD pass marks every start of every keyword, in either case, and its marks and stops are
 * exactly what its tables say char by char; with keyword lists of many first chars, so that the
 * groups are merged into the 32 buckets.
 */
class VectorStartsPropertiesTest {
  private static final String STOPS = "\\%&";

  @AddLifecycleHook(WhereVectorStartsRun.class)
  @Property(tries = 400)
  void marksEveryStartAndNothingTheTablesRefuse(
      @ForAll("keywordLists") List<String> keywords, @ForAll("texts") String text) {
    byte[][] tables = StartTables.of(keywords);
    boolean[] stops = new boolean[128];
    STOPS.chars().forEach(c -> stops[c] = true);
    VectorStarts starts = new VectorStarts(tables, stops);
    byte[] view = Ascii.of(text);
    int blocks = (view.length - VectorStarts.READS) / VectorStarts.BLOCK + 1;
    long[] marks = new long[blocks];
    long[] stopMarks = new long[blocks];
    starts.fill(view, 0, blocks, marks, stopMarks);

    for (int i = 0; i < blocks * VectorStarts.BLOCK; i++) {
      long bit = 1L << (i % VectorStarts.BLOCK);
      boolean marked = (marks[i / VectorStarts.BLOCK] & bit) != 0;
      assertThat(marked).as("mark at %d", i).isEqualTo(tablesTake(tables, view, i));
      boolean stop = view[i] < 0 || stops[view[i]];
      assertThat((stopMarks[i / VectorStarts.BLOCK] & bit) != 0)
          .as("stop at %d", i)
          .isEqualTo(stop);
      for (String word : keywords) {
        if (text.regionMatches(true, i, word, 0, word.length())) {
          assertThat(marked).as("%s at %d", word, i).isTrue();
        }
      }
    }
  }

  /** The tables read char by char: some bucket takes each of the next {@code SPAN} chars. */
  private static boolean tablesTake(byte[][] tables, byte[] view, int i) {
    for (int v = 0; v < StartTables.BUCKETS / 8; v++) {
      int bits = 0xFF;
      for (int j = 0; j < StartTables.SPAN; j++) {
        bits &= tables[v * StartTables.SPAN + j][view[i + j] & 0x7F];
      }
      if (bits != 0) {
        return true;
      }
    }
    return false;
  }

  @Provide
  Arbitrary<List<String>> keywordLists() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789_-.:/ @+(")
        .ofMinLength(1)
        .ofMaxLength(10)
        .map(w -> w.toLowerCase(Locale.ROOT))
        .list()
        .ofMinSize(1)
        .ofMaxSize(300);
  }

  /** Texts of a few blocks, keywords' chars in either case among others, stops and wide chars. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> words =
        Arbitraries.strings().withChars("abcdeABCDE0123_-.:/ @+(").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> other =
        Arbitraries.strings().withChars("xyzXYZ\"{},%&\\é\u00e1\u0161€").ofMaxLength(3);
    return Arbitraries.frequencyOf(Tuple.of(4, words), Tuple.of(1, other))
        .list()
        .ofMinSize(30)
        .ofMaxSize(120)
        .map(parts -> String.join("", parts))
        .filter(t -> t.length() >= VectorStarts.READS);
  }
}
