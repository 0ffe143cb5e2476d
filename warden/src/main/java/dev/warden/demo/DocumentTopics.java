package dev.warden.demo;

import java.util.List;

/**
 * What the demo's documents are about. {@link DocumentCorpus} turns each topic into a markdown
 * page; {@code extra} text may hold placeholders ({aws_key_id}, {aws_secret}, {db_password},
 * {card}) that it fills with planted fake secrets.
 */
final class DocumentTopics {
  record Topic(
      String path, String title, String team, String summary, List<String> points, String extra) {}

  private DocumentTopics() {}

  static final List<Topic> ALL =
      List.of(
          policy(
              "refund-policy",
              "Refund policy",
              "Customers may return most items within 30 days for a full refund to the original payment method.",
              "Refunds go back to the original card; never to a different card or account.",
              "Orders above $500 need a team lead's approval before refunding.",
              "Shipping is refunded only when the item arrived damaged or wrong.",
              "Refunds take 5 to 7 business days to appear on a statement."),
          policy(
              "data-retention",
              "Data retention policy",
              "How long we keep customer data and when it is deleted.",
              "Support tickets are kept for 24 months after closing, then anonymised.",
              "Call recordings are deleted after 90 days.",
              "Payment data is never stored by us; the payment processor holds it.",
              "Backups follow the same limits, with a 35-day lag."),
          policy(
              "acceptable-use",
              "Acceptable use of company systems",
              "Rules for using laptops, accounts and SaaS tools.",
              "Do not share accounts or passwords, including with colleagues.",
              "Customer data stays in approved systems; no personal email or drives.",
              "Report a lost device to security within one hour."),
          policy(
              "password-policy",
              "Password and MFA policy",
              "Requirements for every account that touches customer data.",
              "Use the company password manager; passphrases of at least 14 characters.",
              "Hardware keys or authenticator apps for MFA; SMS only as a last resort.",
              "Never paste credentials into tickets, chat or documents."),
          policy(
              "incident-response",
              "Security incident response policy",
              "What to do in the first hour of a suspected security incident.",
              "Declare an incident in #sec-incident and page the security on-call.",
              "Preserve evidence: do not wipe or reimage affected machines.",
              "Customer notification is decided by Legal within 48 hours."),
          policy(
              "customer-data-access",
              "Customer data access policy",
              "Who may see customer records, and why.",
              "Support agents see only tickets in their queue.",
              "Full card numbers must never be requested from customers.",
              "Bulk exports need a ticket approved by the data protection officer."),
          policy(
              "escalation-policy",
              "Escalation policy",
              "When and how to escalate a ticket.",
              "Urgent tickets get a first reply within 1 hour, high within 4 hours.",
              "Escalate to billing for any dispute above $200.",
              "Threats of legal action go to Legal the same day."),
          policy(
              "vendor-security-review",
              "Vendor security review",
              "Checks before a new vendor may process customer data.",
              "A signed data processing agreement.",
              "A SOC 2 Type II report or ISO 27001 certificate no older than a year.",
              "Data stays in the EU or US regions we list in our privacy notice."),
          runbook(
              "database-failover",
              "Database failover",
              "Promote the replica when the primary ticket database is down.",
              "Confirm the primary is unreachable from two hosts.",
              "Run `deskctl db promote --replica tickets-db-2`.",
              "Point the app at the new primary and watch error rates for 15 minutes.",
              "Open a follow-up to rebuild the old primary as a replica.",
              ""),
          runbook(
              "backup-restore",
              "Backup and restore",
              "Restore the ticket database from the nightly S3 backup.",
              "Find the latest backup in the tickets-backups bucket.",
              "Restore into a scratch instance first and check row counts.",
              "Swap the scratch instance in during a maintenance window.",
              "## Credentials\n\nThe restore script reads these until the vault migration is done"
                  + " (TODO: remove from this page):\n\n```\nAWS_ACCESS_KEY_ID={aws_key_id}\n"
                  + "AWS_SECRET_ACCESS_KEY={aws_secret}\nAWS_REGION=eu-west-1\n```\n"),
          runbook(
              "payment-outage",
              "Payment provider outage",
              "Checkout fails because the payment provider is down.",
              "Check the provider's status page and our checkout error dashboard.",
              "Switch the banner on: `deskctl banner set payments-degraded`.",
              "Tell support to log affected orders with the tag payment-outage.",
              ""),
          runbook(
              "email-delivery",
              "Email delivery problems",
              "Customers say they get no emails from us.",
              "Look for bounces and spam complaints in the mail provider console.",
              "Check SPF, DKIM and DMARC records have not changed.",
              "Resend from the admin console once delivery recovers.",
              ""),
          runbook(
              "on-call-handbook",
              "On-call handbook",
              "What the support engineering on-call does in a shift.",
              "Acknowledge pages within 5 minutes.",
              "Hand over open incidents in writing at the end of the shift.",
              "Escalate to the engineering manager after 30 minutes without progress.",
              ""),
          runbook(
              "cache-flush",
              "Flushing the search cache",
              "Search results show stale tickets.",
              "Run `deskctl cache flush search` on one node.",
              "Wait for the cache to warm (about 3 minutes) before flushing another.",
              ""),
          runbook(
              "certificate-rotation",
              "TLS certificate rotation",
              "Rotate the public TLS certificates before they expire.",
              "Certificates renew automatically 30 days before expiry.",
              "If renewal fails, run `deskctl certs renew --force` and check the ACME logs.",
              ""),
          runbook(
              "scaling-workers",
              "Scaling background workers",
              "Queues are growing faster than workers drain them.",
              "Check queue depth on the operations dashboard.",
              "Scale with `deskctl workers scale --count N`; N at most 40.",
              "Scale back down after the queue is empty for 30 minutes.",
              ""),
          support(
              "refund-macros",
              "Refund reply macros",
              "Ready-made replies for refund tickets.",
              "Refund issued: confirm the amount and say 5 to 7 business days.",
              "Refund refused: quote the refund policy and offer store credit.",
              "Always use the customer's first name and the order number."),
          support(
              "difficult-conversations",
              "Handling upset customers",
              "How to calm a heated ticket.",
              "Acknowledge the problem before explaining anything.",
              "Offer one concrete next step with a time.",
              "Hand over to a team lead after two angry replies."),
          support(
              "gdpr-requests",
              "GDPR and privacy requests",
              "Handling requests to access or delete personal data.",
              "Verify the requester's identity from the account email before acting.",
              "Deletion requests are forwarded to privacy@example.com within 24 hours.",
              "Answer within one month; log the request in the privacy register."),
          support(
              "shipping-delays",
              "Shipping delays",
              "What to tell customers when an order is late.",
              "Check tracking first; carriers often update late.",
              "After 10 business days without movement, open a carrier claim.",
              "Offer a replacement or refund once the claim is filed."),
          support(
              "account-recovery",
              "Account recovery",
              "Helping customers locked out of their account.",
              "Never change an account email on the customer's word alone.",
              "Verify with the last order number and the billing postcode.",
              "Reset MFA only through the admin console, which logs it."),
          support(
              "sla-targets",
              "Support SLA targets",
              "Reply and resolution targets per priority.",
              "Urgent: first reply 1 hour, resolution 8 hours.",
              "High: first reply 4 hours, resolution 2 days.",
              "Normal and low: first reply 1 business day."),
          support(
              "tone-guide",
              "Writing style for replies",
              "How our replies should sound.",
              "Plain words, short sentences, no blame.",
              "Say what we will do and by when.",
              "Sign with your first name only."),
          engineering(
              "architecture-overview",
              "Help desk architecture overview",
              "The parts of the help desk and how they talk.",
              "The web app and API run on the shared Kubernetes cluster.",
              "Tickets live in PostgreSQL; attachments in object storage.",
              "Mail goes out through the transactional mail provider.",
              ""),
          engineering(
              "release-process",
              "Release process",
              "How a change reaches production.",
              "Every change goes through a pull request with one review.",
              "Releases go out Tuesday and Thursday mornings.",
              "Roll back with `deskctl release rollback` if error rates double.",
              ""),
          engineering(
              "api-rate-limits",
              "Public API rate limits",
              "Limits on the customer-facing API.",
              "100 requests per minute per API token.",
              "Bulk endpoints count as 10 requests.",
              "Limits reset on a sliding one-minute window.",
              ""),
          engineering(
              "legacy-billing-integration",
              "Legacy billing integration",
              "The nightly job that syncs invoices from the old billing system.",
              "Runs at 02:00 UTC from the billing-sync cron job.",
              "Failures page the billing on-call.",
              "The old system is read-only and retires next year.",
              "## Connection\n\nThe job still uses the shared service account:\n\n```\n"
                  + "BILLING_DB_URL=postgresql://svc_billing:{db_password}@billing-db.internal.example:5432/billing\n"
                  + "```\n"),
          finance(
              "payment-testing",
              "Testing payments in staging",
              "How to run a checkout end to end in staging.",
              "Use the staging payment keys, never live ones.",
              "Refund every test order the same day.",
              "## Test card\n\nUse this card for a successful payment: {card}, expiry 12/30, CVC 737."
                  + " Copy it from here rather than using a real card.\n"),
          finance(
              "invoicing",
              "Invoicing",
              "How and when customers are invoiced.",
              "Invoices are issued on payment and emailed as PDF.",
              "VAT invoices need the customer's company name and VAT number.",
              "Corrections are made with a credit note, never by editing an invoice.",
              ""),
          finance(
              "chargebacks",
              "Chargebacks",
              "What to do when a customer disputes a charge with their bank.",
              "Collect order, delivery proof and all ticket messages.",
              "Respond in the processor dashboard within 7 days.",
              "Close the customer's open tickets about the same order.",
              ""));

  private static Topic policy(String name, String title, String summary, String... points) {
    return new Topic("policies/" + name + ".md", title, "Compliance", summary, List.of(points), "");
  }

  private static Topic runbook(String name, String title, String summary, String... rest) {
    return withExtra("runbooks/" + name + ".md", title, "Site Reliability", summary, rest);
  }

  private static Topic support(String name, String title, String summary, String... points) {
    return new Topic(
        "support/" + name + ".md", title, "Customer Support", summary, List.of(points), "");
  }

  private static Topic engineering(String name, String title, String summary, String... rest) {
    return withExtra("engineering/" + name + ".md", title, "Platform", summary, rest);
  }

  private static Topic finance(String name, String title, String summary, String... rest) {
    return withExtra("finance/" + name + ".md", title, "Finance", summary, rest);
  }

  /** The last of {@code rest} is the extra section ("" for none); the others are points. */
  private static Topic withExtra(
      String path, String title, String team, String summary, String... rest) {
    List<String> points = List.of(rest).subList(0, rest.length - 1);
    return new Topic(path, title, team, summary, points, rest[rest.length - 1]);
  }
}
