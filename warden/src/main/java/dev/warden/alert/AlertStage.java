package dev.warden.alert;

import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;

/**
 * Raises an alert for each denied, flagged or failed request once its reply is out, whether or not
 * the audit trail is kept. It only registers a completion listener: the alert is built and queued
 * after the agent has its answer, and sent by the sinks' own threads.
 */
public final class AlertStage implements Stage {
  private final Alerts alerts;

  public AlertStage(Alerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public Reply apply(Exchange exchange, Chain next) {
    Reply reply = next.proceed(exchange);
    if (!alerts.isEmpty()) {
      exchange.decide(reply);
      exchange.onComplete(alerts::publish);
    }
    return reply;
  }
}
