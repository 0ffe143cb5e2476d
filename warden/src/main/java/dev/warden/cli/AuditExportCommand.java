package dev.warden.cli;

import dev.warden.audit.AuditRecord;
import dev.warden.audit.AuditTrail;
import dev.warden.audit.JsonLines;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden audit export --format jsonl}: the whole trail in sequence order. */
@Command(name = "export", description = "Write the audit trail as JSON lines.")
final class AuditExportCommand implements Callable<Integer> {
  /** Export formats. */
  enum Format {
    jsonl
  }

  @Mixin AuditCommand.Store store;

  @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES} (default).")
  Format format = Format.jsonl;

  @Option(
      names = {"-o", "--output"},
      description = "File to write (default: standard output).")
  Path output;

  @Option(names = "--after", description = "Only records after this sequence number.")
  long after;

  @Override
  public Integer call() throws Exception {
    try (AuditTrail trail = store.open()) {
      if (trail == null) {
        return CheckCommand.UNREADABLE;
      }
      PrintWriter out =
          output == null
              ? store.out()
              : new PrintWriter(
                  new BufferedWriter(
                      new OutputStreamWriter(
                          Files.newOutputStream(output), StandardCharsets.UTF_8)));
      long last = after;
      long count = 0;
      while (true) {
        List<AuditRecord> page = trail.sink().read(last, 1000);
        for (AuditRecord r : page) {
          out.println(JsonLines.line(r));
          last = r.seq();
          count++;
        }
        if (page.size() < 1000) {
          break;
        }
      }
      out.flush();
      if (output != null) {
        out.close();
        store.err().printf("%d records written to %s%n", count, output);
        store.err().flush();
      }
      return 0;
    }
  }
}
