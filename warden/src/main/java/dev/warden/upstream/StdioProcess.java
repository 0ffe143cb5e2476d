package dev.warden.upstream;

import dev.warden.config.ServerConfig;
import dev.warden.mcp.JsonRpcCodec;
import dev.warden.mcp.UpstreamException;
import dev.warden.mcp.UpstreamException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running stdio server: a child process started from the configured argument array (never a
 * shell) speaking newline-delimited JSON-RPC on stdin and stdout, its stderr going to the log.
 */
final class StdioProcess {
  private static final Logger log = LoggerFactory.getLogger(StdioProcess.class);

  /** The environment a stdio server inherits from the gateway; the rest comes from its config. */
  static final List<String> BASE_ENV = List.of("PATH", "HOME", "LANG");

  private static final int MAX_MESSAGE = 64 * 1024 * 1024;
  private static final int MAX_LOG_LINE = 2000;
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** Messages waiting for the server to read its input, beyond which a write fails at once. */
  static final int OUTBOX = 4096;

  private final ServerConfig config;
  private final Process process;
  private final OutputStream stdin;
  private final JsonRpcLink link;
  private final Consumer<StdioProcess> onExit;
  private final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(OUTBOX);
  private Thread writer;
  private volatile boolean stopping;

  private StdioProcess(ServerConfig config, Process process, Consumer<StdioProcess> onExit) {
    this.config = config;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.onExit = onExit;
    this.link = new JsonRpcLink(config.id(), this::write, config.timeout());
  }

  /**
   * Starts the process and its reader threads; {@code onExit} runs once when it is gone (after
   * every waiting call was failed).
   */
  static StdioProcess start(ServerConfig config, Consumer<StdioProcess> onExit)
      throws UpstreamException {
    ProcessBuilder builder = new ProcessBuilder(config.command());
    Map<String, String> env = builder.environment();
    env.clear();
    for (String name : BASE_ENV) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    config.env().forEach((name, secret) -> env.put(name, secret.reveal()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      // The message names the program and the system error, never the environment.
      log.warn("stdio server {} could not be started: {}", config.id(), e.getMessage());
      throw new UpstreamException(
          config.id(), Kind.UNREACHABLE, "could not be started (see the gateway log)");
    }
    StdioProcess p = new StdioProcess(config, process, onExit);
    log.info("stdio server {} started (pid {})", config.id(), process.pid());
    // Platform threads: a pipe read or write holds its thread in the kernel, which on a virtual
    // thread pins a carrier and makes the JDK's scheduler bring in another for each call.
    Thread.Builder pipes = Thread.ofPlatform().daemon();
    p.writer = pipes.name("stdio-in-" + config.id()).start(p::writeMessages);
    pipes.name("stdio-out-" + config.id()).start(p::readMessages);
    pipes.name("stdio-err-" + config.id()).start(p::readLog);
    return p;
  }

  JsonRpcLink link() {
    return link;
  }

  long pid() {
    return process.pid();
  }

  /**
   * Queues one message for the server's input. The caller never waits for the pipe: a server slow
   * to read would otherwise hold the caller's thread, and with it an event loop and every agent
   * connection on it, or the reader thread, which would then stop reading the server's output while
   * the server waits for it to (each blocked on the other's full pipe).
   */
  private void write(byte[] message) throws IOException {
    byte[] line = message;
    for (byte b : message) {
      if (b == '\n' || b == '\r') {
        // Pretty-printed JSON would break the framing: write it compact.
        line = JsonRpcCodec.bytes(JsonRpcCodec.MAPPER.readTree(message));
        break;
      }
    }
    if (stopping || !process.isAlive()) {
      throw new IOException("the process's input is closed");
    }
    if (!outbox.offer(line)) {
      throw new IOException("the server has not read its last " + OUTBOX + " messages");
    }
  }

  /**
   * Writes queued messages in order, as many as are waiting per flush. This thread alone touches
   * the process's input, and closes it when interrupted (stop, or the process is gone): a close
   * from another thread would wait for a write blocked on a full pipe.
   */
  private void writeMessages() {
    List<byte[]> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(outbox.take());
        outbox.drainTo(batch, 255);
        for (byte[] line : batch) {
          stdin.write(line);
          stdin.write('\n');
        }
        stdin.flush();
        batch.clear();
      }
    } catch (InterruptedException e) {
      // stopped, or the process is gone
    } catch (IOException e) {
      if (!stopping) {
        log.debug("stdio server {}: its input broke: {}", config.id(), e.toString());
      }
    } finally {
      try {
        stdin.close();
      } catch (IOException e) {
        // the process is gone
      }
    }
  }

  private void readMessages() {
    LineReader lines = new LineReader(process.getInputStream(), MAX_MESSAGE, false);
    String why = null;
    try {
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        if (line.length > 0) {
          link.receive(line);
        }
      }
    } catch (IOException e) {
      why = e.getMessage();
    }
    writer.interrupt();
    link.fail(exitReason(why));
    onExit.accept(this);
  }

  /** Why the process is gone, for the log and for the callers it leaves waiting. */
  private String exitReason(String readError) {
    if (stopping) {
      return "was shut down";
    }
    if (readError != null) {
      log.warn("stdio server {} broke the protocol: {}; stopping it", config.id(), readError);
      destroy();
    }
    try {
      if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        int status = process.exitValue();
        log.warn("stdio server {} (pid {}) exited with status {}", config.id(), pid(), status);
        return "process exited (status " + status + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.warn("stdio server {} (pid {}) closed its output; stopping it", config.id(), pid());
    destroy();
    return "process closed its output";
  }

  private void readLog() {
    LineReader lines = new LineReader(process.getErrorStream(), MAX_LOG_LINE, true);
    try {
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        log.info("[{}] {}", config.id(), printable(line));
      }
    } catch (IOException e) {
      // the process is gone; readMessages reports it
    }
  }

  /** Control characters are replaced so a server cannot forge log lines. */
  private static String printable(byte[] line) {
    String s = new String(line, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 && c != '\t' || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }

  /**
   * Stops the process as the MCP stdio transport asks: close its input, wait, then terminate, then
   * kill (with whatever it started).
   */
  void stop() {
    stopping = true;
    writer.interrupt(); // which closes the process's input
    try {
      if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      process.destroy();
      if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    destroy();
  }

  private void destroy() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  boolean isAlive() {
    return process.isAlive() && link.isAlive();
  }
}
