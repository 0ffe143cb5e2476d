package dev.warden.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionEngineTest {
  static final DetectionEngine ENGINE = DetectionEngine.builtIn();

  static List<String> types(String text) {
    return ENGINE.scan(text).stream().map(Finding::type).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"card\": \"4111 1111 1111 1111\"}|CARD_VISA",
        "{\"pan\": \"5555555555554444\"}|CARD_MASTERCARD",
        "{\"n\": \"378282246310005\"}|CARD_AMEX",
        "{\"iban\": \"DE89 3704 0044 0532 0130 00\"}|IBAN",
        "{\"iban\": \"GB82WEST12345698765432\"}|IBAN",
        "{\"ssn\": \"536-22-8726\"}|US_SSN",
        "{\"email\": \"jane.doe@example.com\"}|EMAIL_ADDRESS",
        "{\"phone\": \"+1 415-555-2671\"}|PHONE_NUMBER",
        "{\"phone\": \"(415) 555-2671\"}|PHONE_NUMBER",
        "{\"key\": \"AKIAZ5ABCDEFGHIJKLMN\"}|AWS_ACCESS_KEY_ID",
        "{\"t\": \"ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\"}|GITHUB_PAT_CLASSIC",
        "{\"nino\": \"AB123456C\"}|UK_NINO",
        "{\"nhs\": \"943 476 5919\"}|UK_NHS_NUMBER",
        "{\"dni\": \"12345678Z\"}|ES_DNI_NIF",
        "{\"cf\": \"RSSMRA85T10A562S\"}|IT_CODICE_FISCALE",
        "{\"aadhaar\": \"2341 2341 2346\"}|IN_AADHAAR",
        "{\"cpf\": \"111.444.777-35\"}|BR_CPF",
        "{\"ip\": \"192.168.10.20\"}|IPV4_ADDRESS",
        "{\"db\": \"postgres://admin:s3cretPw@db.example.com:5432/app\"}|DB_CONNECTION_STRING",
        "{\"npi\": \"1234567893\"}|US_NPI",
        "{\"ahv\": \"756.9217.0769.85\"}|CH_AHV",
        "{\"addr\": \"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\"}|CRYPTO_BTC_ADDRESS",
        "{\"addr\": \"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2\"}|CRYPTO_BTC_ADDRESS",
        "{\"password\": \"Xk9#mQ2$vL7pR4wz\"}|GENERIC_SECRET_ASSIGNMENT",
        "{\"note\": \"reach her on 30123456 (mobile)\"}|PHONE_NUMBER",
        "{\"nino\": \"ab 12 34 56 c\"}|UK_NINO",
        "{\"id\": \"AB 12 34 56 C\"}|UK_NINO",
      })
  void findsTheType(String text, String type) {
    assertThat(types(text)).contains(type);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"order_id\": \"123456789\"}",
        "{\"id\": \"550e8400-e29b-41d4-a716-446655440000\"}",
        "{\"ts\": 1718000000, \"ms\": 1718000000123}",
        "{\"created\": \"2024-05-17T10:30:00+02:00\"}",
        "{\"card\": \"4111 1111 1111 1112\"}",
        "{\"sku\": \"SKU-4411-2290\", \"price\": 19.99, \"qty\": 3}",
        "{\"version\": \"1.2.3.4\"}",
        "{\"order_id\": \"ORD-30123456\", \"phone\": \"n/a\"}",
        "{\"invoice\": \"INV-2012345678\", \"tel\": null}",
        "{\"x\": \"30123456\", \"phone\": \"n/a\"}",
        "{\"at\": \"10:30:00+02:00:00:00:00:01\"}",
        "{\"msg\": \"sent ab 12 34 56 c later\"}",
        "{\"host\": \"192.168.1.256\"}",
        "{\"host\": \"10.01.2.3\"}",
      })
  void ignoresNearMisses(String text) {
    assertThat(ENGINE.scan(text)).isEmpty();
  }

  @Test
  void decodesEscapesAndMapsBackToOriginalOffsets() {
    String text = "{\"c\": \"4111\\u00201111\\u00201111\\u00201111\"}";
    List<Finding> found = ENGINE.scan(text);
    assertThat(found).hasSize(1);
    assertThat(text.substring(found.get(0).start(), found.get(0).end()))
        .isEqualTo("4111\\u00201111\\u00201111\\u00201111");
  }

  @Test
  void findsValuesBesideCharsBeyondAscii() {
    for (String name : new String[] {"Zoë", "Zoe\u20ac", "Zo\uD83D\uDE00"}) {
      String text = "{\"name\": \"" + name + "\", \"card\": \"4111 1111 1111 1111\"}";
      List<Finding> found = ENGINE.scan(text);
      assertThat(found).extracting(Finding::type).containsExactly("CARD_VISA");
      assertThat(text.substring(found.get(0).start(), found.get(0).end()))
          .isEqualTo("4111 1111 1111 1111");
    }
  }

  @Test
  void findsFullWidthAndZeroWidthHiddenDigits() {
    assertThat(types("card ４１１１１１１１１１１１１１１１")).containsExactly("CARD_VISA");
    assertThat(types("ssn 536-\u200b22-8726")).containsExactly("US_SSN");
  }

  @Test
  void readsCoordinatesOnlyAfterAWordStartingWithTheirKeyword() {
    assertThat(types("{\"lat\": \"51.5074, -0.1278\"}")).containsExactly("GEO_COORDINATES");
    assertThat(types("{\"geoLocation\": \"51.5074, -0.1278\"}")).containsExactly("GEO_COORDINATES");
    assertThat(types("escalated 51.5074, -0.1278 twice")).isEmpty();
  }

  @Test
  void findsValuesInsideBase64() {
    String b64 =
        java.util.Base64.getEncoder().encodeToString("my card is 4111111111111111 ok".getBytes());
    assertThat(types("{\"blob\": \"" + b64 + "\"}")).containsExactly("CARD_VISA");
  }

  @Test
  void streamingFindsAValueSplitAcrossChunksExactlyOnce() {
    String filler = "x".repeat(5000);
    String text = filler + " card 4111 1111 1111 1111 " + filler + " ssn 536-22-8726 " + filler;
    for (int split = 5000; split < 5030; split++) {
      Scanner scanner = ENGINE.scanner();
      List<String> found = new ArrayList<>();
      scanner.feed(text.substring(0, split)).forEach(f -> found.add(f.finding().type()));
      scanner.feed(text.substring(split)).forEach(f -> found.add(f.finding().type()));
      scanner.finish().forEach(f -> found.add(f.finding().type()));
      assertThat(found).as("split at " + split).containsExactly("CARD_VISA", "US_SSN");
    }
  }

  @Test
  void hasAtLeast150Types() {
    assertThat(ENGINE.types()).hasSizeGreaterThanOrEqualTo(150);
  }
}
