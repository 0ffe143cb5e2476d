package dev.warden.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the demo's support tickets from a seed: the same seed always gives the same desk. Bodies
 * carry the kinds of personal data a real desk collects (order numbers, card last-4s, phone
 * numbers, emails, now and then a whole pasted card number) so data-protection demos have something
 * to find.
 */
final class TicketGenerator {
  static final int FIRST_NUMBER = 1001;
  static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");

  /** Public test card numbers (they pass Luhn and belong to no account). */
  static final List<String> TEST_CARDS =
      List.of("4242 4242 4242 4242", "5555 5555 5555 4444", "4000 0566 5566 5556");

  /** The ticket the README uses as its example: a double charge with an order and a card last-4. */
  static final String FEATURED_TICKET = "TCK-1042";

  /** Tickets whose customer pasted a whole card number. */
  static final List<String> PASTED_CARD_TICKETS = List.of("TCK-1077", "TCK-1163");

  /** A kind of request, with the note an agent typically leaves on it. */
  private record Kind(String subject, String body, String note) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "Charged twice for order {order}",
              "Hi, I was charged twice for order {order}: both charges of {amount} show on my card"
                  + " ending in {last4}. Please refund the duplicate.\n\nThanks,\n{first}",
              "Duplicate charge confirmed; refund of the second charge issued."),
          new Kind(
              "Refund not received yet",
              "Hello, I returned the {product} two weeks ago (order {order}) and still haven't"
                  + " seen the refund of {amount}. The card on file ends in {last4}. Can you check?",
              "Return received at the warehouse; refund released."),
          new Kind(
              "Unexpected charge on my card",
              "There is a charge of {amount} on my statement I don't recognise. My card ends in"
                  + " {last4}. What is it for? You can reach me at {phone}.\n\n{first}",
              "Charge matched to an annual renewal; explained to the customer."),
          new Kind(
              "Where is my order {order}?",
              "My order {order} should have arrived last week. Tracking {tracking} hasn't moved in"
                  + " five days. Could you look into it?",
              "Opened a trace with the carrier."),
          new Kind(
              "Package marked delivered but not here",
              "Tracking {tracking} says delivered, but nothing came. I asked the neighbours too."
                  + " Please call me on {phone}.\n\n{first}",
              "Carrier claim filed; replacement offered."),
          new Kind(
              "Wrong item received",
              "I ordered the {product} (order {order}) and got something else entirely. How do I"
                  + " swap it?",
              "Return label sent for the wrong item."),
          new Kind(
              "Can't log in after password reset",
              "I reset my password this morning and now the login page just reloads. My account"
                  + " email is {email}.",
              "Cleared the session cookies server-side; asked the customer to retry."),
          new Kind(
              "Locked out, lost my 2FA phone",
              "I lost the phone I used for two-factor codes. My new number is {phone}. Please help"
                  + " me get back into the account {email}.",
              "Identity verified by phone; MFA reset from the admin console."),
          new Kind(
              "Change the email on my account",
              "Please change my account email from {email} to my new address. I can confirm with"
                  + " my last order number, {order}.",
              "Asked for confirmation from the old address before changing it."),
          new Kind(
              "App crashes when exporting invoices",
              "Every time I export invoices to PDF the app closes. Version 4.12 on a laptop."
                  + " Happy to send logs.\n\n{first}",
              "Reproduced on 4.12; bug filed with engineering."),
          new Kind(
              "Dashboard shows wrong totals",
              "The monthly total on the dashboard says {amount}, but the invoices add up to"
                  + " less. Which one is right?",
              "Dashboard total includes pending invoices; explained."),
          new Kind(
              "Cancel my subscription",
              "Please cancel my subscription before it renews on {date}. The card ending in"
                  + " {last4} should not be charged again.",
              "Subscription set to cancel at the end of the term."),
          new Kind(
              "Delete all my personal data",
              "Under the GDPR I ask you to erase all data you hold about me, including {email}"
                  + " and {phone}. Please confirm in writing.",
              "Forwarded to the privacy team; identity verified."),
          new Kind(
              "Invoice needed for order {order}",
              "Our finance team needs a VAT invoice for order {order} ({amount}). Please send it"
                  + " to {email}.",
              "VAT invoice sent."));

  private static final Kind PASTED_CARD =
      new Kind(
          "Card declined at checkout",
          "My card keeps getting declined. The number is {card}, expiry 09/29. Can you see why?"
              + " Call me on {phone} if you need more.\n\n{first}",
          "Told the customer never to send card numbers; asked them to use the payment page.");

  private static final List<String> PRODUCTS =
      List.of(
          "Aurora desk lamp",
          "Nimbus travel mug",
          "Orbit wireless earbuds",
          "Summit hiking backpack",
          "Pixel 4K webcam",
          "Cedar standing desk",
          "Harbor rain jacket");

  private TicketGenerator() {}

  static List<Ticket> generate(long seed, int count) {
    Random random = new Random(seed);
    List<Ticket> tickets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tickets.add(ticket(random, "TCK-" + (FIRST_NUMBER + i), count - i));
    }
    return tickets;
  }

  private static Ticket ticket(Random random, String id, int age) {
    Customer customer = FakePeople.customer(random);
    Kind kind =
        PASTED_CARD_TICKETS.contains(id)
            ? PASTED_CARD
            : id.equals(FEATURED_TICKET) ? KINDS.getFirst() : FakePeople.pick(random, KINDS);
    String order = "ORD-" + (400_000 + random.nextInt(600_000));
    String last4 = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
    String amount =
        FakePeople.pick(random, List.of("$", "€", "£"))
            + (9 + random.nextInt(390))
            + "."
            + FakePeople.pick(random, List.of("00", "49", "90", "99"));
    Instant created = NOW.minus(Duration.ofMinutes(age * 210L - random.nextInt(90)));
    String[] values = {
      "{first}", customer.name().substring(0, customer.name().indexOf(' ')),
      "{order}", order,
      "{last4}", last4,
      "{amount}", amount,
      "{phone}", customer.phone().national(),
      "{email}", customer.email(),
      "{tracking}", "TRK" + (100_000_000 + random.nextInt(900_000_000)),
      "{product}", FakePeople.pick(random, PRODUCTS),
      "{date}", created.plus(Duration.ofDays(7 + random.nextInt(20))).toString().substring(0, 10),
      "{card}", FakePeople.pick(random, TEST_CARDS),
    };
    Ticket.Status status = status(random.nextInt(100));
    Ticket.Priority priority = priority(random.nextInt(100));
    List<String> notes = new ArrayList<>();
    if (status != Ticket.Status.OPEN) {
      String agent = FakePeople.name(random);
      notes.add(agent.substring(0, agent.indexOf(' ')) + " (support): " + kind.note());
    }
    Instant updated =
        status == Ticket.Status.OPEN
            ? created
            : created.plus(Duration.ofMinutes(20 + random.nextInt(2000)));
    return new Ticket(
        id,
        fill(kind.subject(), values),
        status,
        priority,
        customer,
        created,
        updated.isAfter(NOW) ? NOW : updated,
        fill(kind.body(), values),
        notes);
  }

  private static Ticket.Status status(int roll) {
    return roll < 35
        ? Ticket.Status.OPEN
        : roll < 60 ? Ticket.Status.PENDING : Ticket.Status.CLOSED;
  }

  private static Ticket.Priority priority(int roll) {
    if (roll < 20) {
      return Ticket.Priority.LOW;
    }
    return roll < 70
        ? Ticket.Priority.NORMAL
        : roll < 92 ? Ticket.Priority.HIGH : Ticket.Priority.URGENT;
  }

  private static String fill(String template, String[] values) {
    String text = template;
    for (int i = 0; i < values.length; i += 2) {
      text = text.replace(values[i], values[i + 1]);
    }
    return text;
  }
}
