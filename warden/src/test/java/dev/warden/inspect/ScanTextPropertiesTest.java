package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The ASCII fast path of {@link ScanText#wordStartsAt} answers as {@link Character} does. */
class ScanTextPropertiesTest {

  @Property(tries = 3000)
  void wordStartsAsCharacterSays(@ForAll("pairs") String text) {
    ScanText scan = new ScanText(text, List.of(), new boolean[0]);
    for (int i = 0; i < text.length(); i++) {
      assertThat(scan.wordStartsAt(i)).as(text + " at " + i).isEqualTo(reference(text, i));
    }
  }

  private static boolean reference(String text, int i) {
    if (i == 0 || !Character.isLetter(text.charAt(i - 1)) || !Character.isLetter(text.charAt(i))) {
      return true;
    }
    char at = text.charAt(i);
    if (!Character.isLowerCase(at) && !Character.isUpperCase(at) && !Character.isTitleCase(at)) {
      return true; // a letter without case (CJK, Hebrew, Thai): no boundary to see, any may start
    }
    return Character.isLowerCase(text.charAt(i - 1)) && Character.isUpperCase(text.charAt(i));
  }

  @Provide
  Arbitrary<String> pairs() {
    return Arbitraries.oneOf(
            Arbitraries.chars().ascii(),
            Arbitraries.chars().with("éÉßǅµ\u00aa_1 \u0130\u212a番א"),
            Arbitraries.chars())
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
  }
}
