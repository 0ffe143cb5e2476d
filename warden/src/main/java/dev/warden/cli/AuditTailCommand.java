package dev.warden.cli;

import dev.warden.audit.AuditQuery;
import dev.warden.audit.AuditRecord;
import dev.warden.audit.AuditTrail;
import dev.warden.audit.JsonLines;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden audit tail}: the latest records, oldest first; {@code -f} keeps following. */
@Command(name = "tail", description = "Show the latest audit records.")
final class AuditTailCommand implements Callable<Integer> {
  @Mixin AuditCommand.Store store;

  @Option(
      names = {"-n", "--lines"},
      description = "How many records (default 20).")
  int lines = 20;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new records as they are written.")
  boolean follow;

  @Option(names = "--json", description = "One JSON object per line instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (AuditTrail trail = store.open()) {
      if (trail == null) {
        return CheckCommand.UNREADABLE;
      }
      List<AuditRecord> latest =
          trail.sink().query(AuditQuery.all(Math.clamp(lines, 1, AuditQuery.MAX_LIMIT)));
      long after = 0;
      for (AuditRecord r : latest.reversed()) {
        print(r);
        after = r.seq();
      }
      store.out().flush();
      while (follow) {
        Thread.sleep(500);
        for (AuditRecord r : trail.sink().read(after, 1000)) {
          print(r);
          after = r.seq();
        }
        store.out().flush();
      }
      return 0;
    }
  }

  private void print(AuditRecord r) {
    store.out().println(json ? JsonLines.line(r) : JsonLines.text(r));
  }
}
