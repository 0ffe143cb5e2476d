package dev.warden.inspect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.warden.inspect.validate.Shapes;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The VAT number shapes are matched by hand, exactly as the expressions read. */
class VatFormatsTest {

  @Test
  void everyShapeIsHandWritten() {
    assertThat(VatDetector.FORMAT_EXPRESSIONS.values()).allMatch(Shapes::handWritten);
  }

  @Property(tries = 3000)
  void matchesAsTheExpression(
      @ForAll("countries") Map.Entry<String, String> format, @ForAll("bodies") String body) {
    boolean expected = Pattern.compile(format.getValue()).matcher(body).matches();

    assertThat(Shapes.compile(format.getValue()).test(body)).as(body).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Map.Entry<String, String>> countries() {
    return Arbitraries.of(VatDetector.FORMAT_EXPRESSIONS.entrySet());
  }

  /** Digits mostly, and the letters and marks the shapes name, of every length they take. */
  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.strings()
        .withChars("0123456789012345678901UBAZ+*a")
        .ofMinLength(1)
        .ofMaxLength(14);
  }
}
