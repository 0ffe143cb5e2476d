package dev.warden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import dev.warden.config.ConfigProblem;
import dev.warden.inspect.DetectionEngine;
import dev.warden.inspect.Finding;
import dev.warden.inspect.detect.ConfiguredDetector;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code warden scan [FILE]}: prints the sensitive values found in a file (stdin by default), one
 * JSON line per finding: {@code {"type","start","end","confidence","frameworks"}}, offsets in
 * chars. With {@code --config}, the configuration's custom {@code detectors:} run too. Exit 0 with
 * or without findings, 1 when the configuration is invalid, 2 when a file cannot be read. Values
 * are never printed.
 */
@Command(
    name = "scan",
    description = "Print sensitive-data findings in FILE (or stdin) as JSON lines.")
final class ScanCommand implements Callable<Integer> {
  static final int INVALID = 1;
  static final int UNREADABLE = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "File to scan; stdin when absent.")
  Path file;

  @Option(
      names = {"-c", "--config"},
      description = "Configuration file whose detectors: are added to the built-in ones.")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DetectionEngine engine = DetectionEngine.builtIn();
    if (config != null) {
      try {
        engine = engine.with(ConfiguredDetector.from(ConfigLoader.load(config).detectors()));
      } catch (ConfigException e) {
        e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
        err.flush();
        return INVALID;
      } catch (IOException e) {
        err.println("warden scan: cannot read " + config + ": " + e.getClass().getSimpleName());
        err.flush();
        return UNREADABLE;
      }
    }
    String text;
    try {
      text =
          file == null
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(file);
    } catch (IOException e) {
      err.println("warden scan: cannot read " + file + ": " + e.getClass().getSimpleName());
      err.flush();
      return UNREADABLE;
    }
    for (Finding f : engine.scan(text)) {
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
