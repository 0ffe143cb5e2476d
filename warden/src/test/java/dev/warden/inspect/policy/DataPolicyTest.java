package dev.warden.inspect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.DataProtectionConfig.Action;
import dev.warden.config.DataProtectionConfig.DataRule;
import dev.warden.config.DataProtectionConfig.Direction;
import dev.warden.inspect.Confidence;
import dev.warden.inspect.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataPolicyTest {
  static final Finding CARD = new Finding("CARD_VISA", 0, 16, Confidence.HIGH, Set.of("PCI-DSS"));
  static final Finding EMAIL = new Finding("EMAIL_ADDRESS", 0, 9, Confidence.HIGH, Set.of("GDPR"));
  static final Set<String> SECRETS = Set.of("CARD_VISA", "AWS_ACCESS_KEY_ID");

  static DataRule rule(
      String id,
      List<String> personas,
      List<String> servers,
      Direction d,
      Action a,
      List<String> types,
      List<String> frameworks) {
    return new DataRule(id, personas, servers, d, types, frameworks, a, 4);
  }

  @Test
  void secureDefaultRedactsSecretsAndCardsAndAlertsOnTheRest() {
    DataPolicy p = new DataPolicy(List.of(), SECRETS);
    assertThat(p.decide("a", "s", Direction.REQUEST, CARD)).isEqualTo(DataPolicy.DEFAULT_REDACT);
    assertThat(p.decide("a", "s", Direction.RESPONSE, CARD)).isEqualTo(DataPolicy.DEFAULT_REDACT);
    assertThat(p.decide("a", "s", Direction.RESPONSE, EMAIL)).isEqualTo(DataPolicy.DEFAULT_ALERT);
    assertThat(p.intervenes("a", "s", Direction.RESPONSE)).isTrue();
  }

  @Test
  void firstMatchingRuleWinsByPersonaServerDirectionTypeOrTag() {
    DataPolicy p =
        new DataPolicy(
            List.of(
                rule(
                    "fin",
                    List.of("finance"),
                    List.of(),
                    Direction.RESPONSE,
                    Action.MASK,
                    List.of(),
                    List.of("PCI-DSS")),
                rule(
                    "crm",
                    List.of(),
                    List.of("crm"),
                    Direction.BOTH,
                    Action.TOKENIZE,
                    List.of("CARD_VISA", "EMAIL_ADDRESS"),
                    List.of()),
                rule(
                    "out",
                    List.of(),
                    List.of(),
                    Direction.REQUEST,
                    Action.BLOCK,
                    List.of("CARD_VISA"),
                    List.of())),
            SECRETS);
    assertThat(p.decide("finance", "crm", Direction.RESPONSE, CARD).rule()).isEqualTo("fin");
    assertThat(p.decide("finance", "crm", Direction.REQUEST, CARD).rule()).isEqualTo("crm");
    assertThat(p.decide("ops", "crm", Direction.RESPONSE, EMAIL).action())
        .isEqualTo(Action.TOKENIZE);
    assertThat(p.decide("ops", "mail", Direction.REQUEST, CARD).action()).isEqualTo(Action.BLOCK);
    assertThat(p.decide("ops", "mail", Direction.RESPONSE, CARD))
        .isEqualTo(DataPolicy.DEFAULT_REDACT);
    assertThat(p.decide("ops", "mail", Direction.RESPONSE, EMAIL))
        .isEqualTo(DataPolicy.DEFAULT_ALERT);
  }

  @Test
  void aCatchAllAllowOrAlertRuleLetsRepliesStreamUnread() {
    DataPolicy p =
        new DataPolicy(
            List.of(
                rule(
                    "quiet",
                    List.of(),
                    List.of("logs"),
                    Direction.RESPONSE,
                    Action.ALERT,
                    List.of(),
                    List.of()),
                rule(
                    "tok",
                    List.of(),
                    List.of("logs"),
                    Direction.RESPONSE,
                    Action.TOKENIZE,
                    List.of("EMAIL_ADDRESS"),
                    List.of())),
            SECRETS);
    assertThat(p.intervenes("a", "logs", Direction.RESPONSE)).isFalse();
    assertThat(p.intervenes("a", "logs", Direction.REQUEST)).isTrue(); // the default still redacts
    assertThat(p.intervenes("a", "crm", Direction.RESPONSE)).isTrue();
    assertThat(new DataPolicy(List.of(), Set.of()).intervenes("a", "s", Direction.REQUEST))
        .isFalse();
  }
}
