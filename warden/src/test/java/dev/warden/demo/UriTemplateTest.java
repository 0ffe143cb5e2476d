package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateTest {
  @Test
  void extractsASingleVariable() {
    assertThat(new UriTemplate("ticket://{id}").match("ticket://TCK-1042"))
        .hasValue(Map.of("id", "TCK-1042"));
  }

  @Test
  void extractsVariablesBetweenLiterals() {
    assertThat(new UriTemplate("repo://{owner}/{name}/readme").match("repo://acme/desk/readme"))
        .hasValue(Map.of("owner", "acme", "name", "desk"));
  }

  @Test
  void rejectsOtherSchemesEmptyValuesAndSlashes() {
    UriTemplate template = new UriTemplate("ticket://{id}");
    assertThat(template.match("doc://TCK-1042")).isEmpty();
    assertThat(template.match("ticket://")).isEmpty();
    assertThat(template.match("ticket://a/b")).isEmpty();
  }

  @Test
  void refusesMalformedTemplates() {
    assertThatThrownBy(() -> new UriTemplate("x://{")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UriTemplate("x://{a}{b}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
