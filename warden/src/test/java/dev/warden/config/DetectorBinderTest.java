package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorBinderTest {
  private final LoaderFixture loader = new LoaderFixture();

  @Test
  void readsRegexAndDictionaryDetectors() throws ConfigException {
    List<DetectorConfig> detectors =
        loader
            .parse(
                """
                servers: []
                detectors:
                  - id: acme-employee-id
                    kind: regex
                    pattern: "EMP-[0-9]{6}"
                    validator: luhn
                    context: [employee, Staff]
                    confidence: high
                    frameworks: [GDPR]
                  - id: project-names
                    kind: dictionary
                    words: [Bluebird, "Red Falcon"]
                """)
            .detectors();

    assertThat(detectors)
        .containsExactly(
            new DetectorConfig(
                "acme-employee-id",
                DetectorConfig.Kind.REGEX,
                "EMP-[0-9]{6}",
                List.of(),
                DetectorConfig.Validator.LUHN,
                List.of("employee", "staff"),
                DetectorConfig.Confidence.HIGH,
                List.of("GDPR")),
            new DetectorConfig(
                "project-names",
                DetectorConfig.Kind.DICTIONARY,
                "",
                List.of("bluebird", "red falcon"),
                DetectorConfig.Validator.NONE,
                List.of(),
                DetectorConfig.Confidence.MEDIUM,
                List.of()));
  }

  @Test
  void reportsEveryMistakeWithItsLine() {
    assertThat(
            loader.problems(
                """
                servers: []
                detectors:
                  - id: Bad_Id
                    kind: regex
                    pattern: "EMP-[0-9"
                  - id: dup
                    kind: dictionary
                  - id: dup
                    kind: guess
                    validator: crc
                    colour: red
                """))
        .containsExactly(
            "conf/warden.yaml:3: detectors[0].id: 'Bad_Id' is not a valid id: lower-case letters"
                + " and digits, single '-' between them",
            "conf/warden.yaml:5: detectors[0].pattern: is not a valid RE2 expression: error"
                + " parsing regexp: missing closing ]: `[0-9`",
            "conf/warden.yaml:6: detectors[1].words: is required for kind: dictionary (a list of"
                + " words)",
            "conf/warden.yaml:8: detectors[2].id: duplicate id 'dup' (first at line 6)",
            "conf/warden.yaml:9: detectors[2].kind: 'guess' is not one of: regex, dictionary",
            "conf/warden.yaml:10: detectors[2].validator: 'crc' is not one of: none, luhn, mod97,"
                + " verhoeff",
            "conf/warden.yaml:11: detectors[2].colour: unknown key; expected one of: id, kind,"
                + " pattern, words, validator, context, confidence, frameworks");
  }
}
