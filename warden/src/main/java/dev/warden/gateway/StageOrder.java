package dev.warden.gateway;

import dev.warden.alert.AlertStage;
import dev.warden.edge.SessionStage;
import dev.warden.identity.AuthenticationStage;
import dev.warden.identity.UserBindingStage;
import dev.warden.inspect.policy.SensitiveDataStage;
import dev.warden.persona.PersonaStage;
import dev.warden.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The one ordered list of stages. docs/ARCHITECTURE.md gives the reason for each position; keep the
 * two in step.
 */
final class StageOrder {
  private StageOrder() {}

  static List<Stage> of(
      Stage telemetry,
      AlertStage alerts,
      Stage audit,
      AuthenticationStage authentication,
      SessionStage session,
      PersonaStage persona,
      SensitiveDataStage sensitiveData,
      RouteStage route) {
    List<Stage> stages = new ArrayList<>();
    stages.add(
        telemetry); // outermost: sees every request and the final outcome, audit wait included
    stages.add(alerts); // sees the final outcome, a request failed closed by the audit included
    stages.add(audit); // records every request, denials included, before its reply is released
    stages.add(authentication); // nothing else runs for a caller we cannot name
    stages.add(session); // binds the request to the session its agent opened
    stages.add(new UserBindingStage()); // a session keeps the end user it was opened for
    stages.add(persona); // default deny: outside the persona nothing exists
    // only calls the persona allows are scanned, and both what leaves and what comes back is seen
    stages.add(sensitiveData);
    stages.add(route); // always last: the only stage that talks to upstreams
    return List.copyOf(stages);
  }
}
