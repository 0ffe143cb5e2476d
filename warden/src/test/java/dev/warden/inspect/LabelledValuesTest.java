package dev.warden.inspect;

import static dev.warden.inspect.DetectionEngineTest.types;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values found by their labels as tool traffic writes them, and labels that name other things. */
class LabelledValuesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        // a label of several words as a camel-, snake- or kebab-case key
        "{\"driverLicenseNumber\": \"D1928348\"}~US_DRIVER_LICENSE",
        "{\"healthCardNumber\": \"1337774242\"}~CA_HEALTH_OHIP",
        "customer:\\n  passport-no: \"826981090\"\\n~US_PASSPORT",
        // labels outside ASCII, also written as JSON escapes
        "{\"fødselsnummer\": \"02048455967\"}~NO_FODSELSNUMMER",
        "{\"f\\u00f8dselsnummer\": \"02048455967\"}~NO_FODSELSNUMMER",
        "{\"henkilötunnus\": \"130551-0462\"}~FI_HETU",
        "מספר תעודת זהות: 384901971~IL_TEUDAT_ZEHUT",
        // words that only continue the label before its value
        "Passeport n° 18AV54625 délivré le 12/03/2019~FR_PASSPORT",
        "Mi número de documento (DNI) es 37860734.~AR_DNI",
        "Voter ID card number JUZ2946234~IN_VOTER_EPIC",
        // a CSV or Markdown header labels the cells below it
        "id,name,swift_code\\n786,Thabo Nkosi,NWBKGB2L\\n~SWIFT_BIC",
        "| Name | Passport No |\\n|---|---|\\n| Maria Rossi | 123456789 |\\n~US_PASSPORT",
        // separators people use
        "NIF: 62071742-D~ES_DNI_NIF",
        "Número de Identidad de Extranjero: X-6361997-J~ES_NIE",
        "Burgerservicenummer: 9151.39.017~NL_BSN",
        "BTW-nummer: BE 0381.857.227~EU_VAT",
        "Zahlung mit Karte 2471.9509.4562.6796 abgelehnt~CARD_MASTERCARD",
        "HETU 010203A152X~FI_HETU",
        "RUN: 22308346-3~CL_RUT",
        // a vendor token inside a header or URL is reported as itself
        "Authorization: token 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~GITHUB_OAUTH_TOKEN",
        "https://oauth2:glpat-GyxgJtjqJ9YRCwx2Tu6-@gitlab.com/acme/infra.git~GITLAB_PAT",
        "git clone https://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@github.com/a/b.git~GITHUB_PAT_CLASSIC",
        // ages and places as prose writes them
        "My grandmother is 91 years old.~AGE_OVER_89",
        "INFO verify.service client_ip=81.2.69.160~IPV4_ADDRESS",
        "Shipping to San Francisco, CA 94103~US_ZIP",
        "importprivkey KxPegjUpPwKkEMWKYSQ3J5sK2GhpGjjnx4jga5YFRZNn1sEiyAGK~CRYPTO_WIF_PRIVATE_KEY",
      })
  void findsTheLabelledValue(String text, String type) {
    assertThat(types(text.replace("\\n", "\n"))).contains(type);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "{\"birthday_promo_start\": \"2024-12-01\"}~DATE_OF_BIRTH",
        "{\"passport_expiry_date\": \"123456789\"}~US_PASSPORT",
        "Name, passport, and address\\nHello, 123456789 is my number~US_PASSPORT",
        "git clone https://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@github.com/a/b.git~EMAIL_ADDRESS",
        "REDIS_URL=redis://:p4ssw0rd-redis@cache.acme-corp.com:6379/0~EMAIL_ADDRESS",
        "http://files.intranet-share.net/export/customers.csv~INTERNAL_HOSTNAME",
        "Mi DNI es 69802788l.~EU_VAT",
        "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX~AWS_ACCESS_KEY_ID",
        "{\"medicalLicenseNumber\": \"G68595\"}~US_DRIVER_LICENSE",
      })
  void readsNoOtherType(String text, String type) {
    assertThat(types(text.replace("\\n", "\n"))).doesNotContain(type);
  }
}
