package dev.warden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code warden scan [FILE]}: prints the sensitive values found in a file (stdin by default), one
 * JSON line per finding: {@code {"type","start","end","confidence","frameworks"}}, offsets in
 * chars. Exit 0 with or without findings, 2 when the file cannot be read. Values are never printed.
 */
@Command(
    name = "scan",
    description = "Print sensitive-data findings in FILE (or stdin) as JSON lines.")
final class ScanCommand implements Callable<Integer> {
  static final int UNREADABLE = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "File to scan; stdin when absent.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String text;
    try {
      text =
          file == null
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(file);
    } catch (IOException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("warden scan: cannot read " + file + ": " + e.getClass().getSimpleName());
      err.flush();
      return UNREADABLE;
    }
    for (Finding f : DetectionEngine.builtIn().scan(text)) {
      out.println(JSON.writeValueAsString(line(f)));
    }
    out.flush();
    return 0;
  }

  static Map<String, Object> line(Finding f) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", f.type());
    line.put("start", f.start());
    line.put("end", f.end());
    line.put("confidence", f.confidence().name());
    line.put("frameworks", f.frameworks().stream().sorted().toList());
    return line;
  }
}
