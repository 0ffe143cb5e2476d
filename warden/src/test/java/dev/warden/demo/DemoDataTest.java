package dev.warden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private final DemoData data = DemoData.generate(DemoData.SEED);

  @Test
  void ticketDeskHoldsTwoHundredTicketsNumberedFromTck1001() {
    List<Ticket> tickets = data.tickets().all();
    assertThat(tickets).hasSize(200);
    assertThat(tickets.getFirst().id()).isEqualTo("TCK-1001");
    assertThat(tickets.getLast().id()).isEqualTo("TCK-1200");
    assertThat(tickets).extracting(Ticket::status).contains(Ticket.Status.values());
  }

  @Test
  void sameSeedGivesTheSameData() {
    DemoData again = DemoData.generate(DemoData.SEED);
    assertThat(again.tickets().all()).isEqualTo(data.tickets().all());
    assertThat(again.docs().all()).isEqualTo(data.docs().all());
    assertThat(DemoData.generate(7).tickets().all()).isNotEqualTo(data.tickets().all());
  }

  @Test
  void customersHaveReservedEmailsAndFictionPhoneNumbers() {
    assertThat(data.tickets().all())
        .extracting(Ticket::customer)
        .allSatisfy(
            c -> {
              assertThat(c.email()).matches("[a-z0-9._]+@([a-z]+\\.)?example\\.(com|org|net)");
              assertThat(c.phone().e164()).matches("\\+[1-9]\\d{9,13}");
              assertThat(isFictionNumber(c.phone().e164())).as(c.phone().e164()).isTrue();
              String nationalDigits = c.phone().national().replaceAll("\\D", "");
              assertThat(c.phone().e164()).endsWith(nationalDigits.replaceFirst("^0", ""));
            });
  }

  @Test
  void bodiesMentionOrdersCardDigitsAndPhones() {
    List<String> bodies = data.tickets().all().stream().map(Ticket::body).toList();
    assertThat(bodies).anySatisfy(b -> assertThat(b).containsPattern("ORD-\\d{6}"));
    assertThat(bodies).anySatisfy(b -> assertThat(b).containsPattern("ending in \\d{4}"));
    assertThat(data.tickets().find("TCK-1042").orElseThrow().body())
        .containsPattern("order ORD-\\d{6}")
        .containsPattern("ending in \\d{4}");
  }

  @Test
  void pastedCardNumbersInTicketsPassLuhn() {
    for (String id : TicketGenerator.PASTED_CARD_TICKETS) {
      String body = data.tickets().find(id).orElseThrow().body();
      String card =
          TicketGenerator.TEST_CARDS.stream().filter(body::contains).findFirst().orElseThrow();
      assertThat(Luhn.isValid(card)).as(card).isTrue();
    }
  }

  @Test
  void documentStoreHoldsThirtyMarkdownPages() {
    assertThat(data.docs().all()).hasSize(30);
    assertThat(data.docs().all())
        .allSatisfy(d -> assertThat(d.markdown()).startsWith("# " + d.title() + "\n"))
        .extracting(Document::path)
        .doesNotHaveDuplicates();
  }

  @Test
  void documentsCarryPlantedFakeSecrets() {
    DocumentCorpus.Planted planted = DocumentCorpus.planted(DemoData.SEED);
    assertThat(planted.awsKeyId()).matches("AKIA[A-Z2-7]{16}");
    assertThat(planted.awsSecret()).hasSize(40);
    assertThat(Luhn.isValid(planted.card())).isTrue();
    assertThat(doc("runbooks/backup-restore.md"))
        .contains("AWS_ACCESS_KEY_ID=" + planted.awsKeyId())
        .contains(planted.awsSecret());
    assertThat(doc("finance/payment-testing.md")).contains(planted.card());
    assertThat(doc("engineering/legacy-billing-integration.md")).contains(planted.dbPassword());
  }

  @Test
  void searchMatchesTextCaseInsensitivelyAndHonoursStatusAndLimit() {
    TicketDesk.Page page = data.tickets().search("REFUND", Optional.of(Ticket.Status.OPEN), 3);
    assertThat(page.tickets()).hasSizeLessThanOrEqualTo(3);
    assertThat(page.total()).isGreaterThanOrEqualTo(page.tickets().size());
    assertThat(page.tickets())
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(Ticket.Status.OPEN))
        .allSatisfy(t -> assertThat((t.subject() + t.body()).toLowerCase()).contains("refund"));
    assertThat(data.tickets().search("", Optional.empty(), 500).total()).isEqualTo(200);
  }

  @Test
  void updateAppendsANoteAndDeleteRemovesTheTicket() {
    TicketDesk desk = DemoData.generate(DemoData.SEED).tickets();
    Ticket updated =
        desk.update("tck-1005", Optional.of(Ticket.Status.CLOSED), Optional.of("Done"))
            .orElseThrow();
    assertThat(updated.status()).isEqualTo(Ticket.Status.CLOSED);
    assertThat(updated.notes()).last().isEqualTo("Done");
    assertThat(desk.delete("TCK-1005")).isTrue();
    assertThat(desk.find("TCK-1005")).isEmpty();
    assertThat(desk.size()).isEqualTo(199);
  }

  /** US 555-01xx, UK Ofcom drama ranges, France ARCEP 01 99 00, Australia ACMA 02 5550. */
  private static boolean isFictionNumber(String e164) {
    return e164.matches("\\+1\\d{3}55501\\d\\d")
        || e164.startsWith("+442079460")
        || e164.startsWith("+447700900")
        || e164.startsWith("+3319900")
        || e164.startsWith("+6125550");
  }

  private String doc(String path) {
    return data.docs().find(path).orElseThrow().markdown();
  }
}
