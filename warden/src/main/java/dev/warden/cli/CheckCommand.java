package dev.warden.cli;

import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import dev.warden.config.ConfigProblem;
import dev.warden.config.WardenConfig;
import dev.warden.gateway.Gateway;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code warden check --config FILE}: validates a configuration without starting anything. Exit 0
 * when valid, 1 with one {@code file:line: key: message} line per problem, 2 when the file cannot
 * be read at all.
 */
@Command(name = "check", description = "Validate a configuration file and exit.")
final class CheckCommand implements Callable<Integer> {
  static final int INVALID = 1;
  static final int UNREADABLE = 2;

  @Option(
      names = {"-c", "--config"},
      required = true,
      description = "Configuration file (YAML).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      WardenConfig loaded = ConfigLoader.load(config);
      try {
        Gateway.unsupportedTransports(loaded);
      } catch (IllegalArgumentException e) {
        err.println(config + ": " + e.getMessage());
        err.flush();
        return INVALID;
      }
      out.printf(
          "%s: ok (%d servers, %d personas, %d agents)%n",
          config, loaded.servers().size(), loaded.personas().size(), loaded.agents().size());
      out.flush();
      return 0;
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      err.flush();
      return INVALID;
    } catch (IOException e) {
      err.println("warden check: cannot read " + config + ": " + reason(e));
      err.flush();
      return UNREADABLE;
    }
  }

  private String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException ignored -> "no such file";
      case AccessDeniedException ignored -> "permission denied";
      case MalformedInputException ignored -> "not UTF-8 text";
      default -> Files.isDirectory(config) ? "it is a directory" : e.getClass().getSimpleName();
    };
  }
}
