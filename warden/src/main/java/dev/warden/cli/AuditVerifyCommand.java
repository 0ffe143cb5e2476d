package dev.warden.cli;

import dev.warden.audit.AuditTrail;
import dev.warden.audit.ChainVerifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code warden audit verify}: walks the chain. Exit 0 when intact; 3 naming the first bad record
 * when a record was edited, deleted or reordered or the tail was cut off; 1 or 2 when the store
 * cannot be opened.
 */
@Command(name = "verify", description = "Check the audit trail's hash chain and checkpoints.")
final class AuditVerifyCommand implements Callable<Integer> {
  @Mixin AuditCommand.Store store;

  @Override
  public Integer call() throws Exception {
    try (AuditTrail trail = store.open()) {
      if (trail == null) {
        return CheckCommand.UNREADABLE;
      }
      ChainVerifier.Verdict v = trail.verifier().verify();
      if (v.intact()) {
        store
            .out()
            .printf(
                "audit trail intact: %d records%s%n",
                v.records(),
                trail.signer().isPresent() ? ", checkpoints signed" : ", no checkpoint key");
        store.out().flush();
        return 0;
      }
      store.err().printf("audit trail broken at record %d: %s%n", v.firstBad(), v.problem());
      store.err().flush();
      return AuditCommand.BROKEN;
    }
  }
}
