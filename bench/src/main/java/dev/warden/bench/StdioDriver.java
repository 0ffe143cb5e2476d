package dev.warden.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The direct baseline of the stdio case: the load generator starts its own {@code FastUpstream
 * --stdio} and drives it over the pipe as the gateway does (one initialized session, many calls in
 * flight told apart by id, newline-delimited JSON-RPC), with {@code c} closed loops. One thread
 * writes requests (flushing when none is queued), one reads answers and starts each loop's next
 * call.
 */
final class StdioDriver implements AutoCloseable {
  /** Loops per run at most; a request id is {@code seq * MAX_LOOPS + loop}. */
  private static final int MAX_LOOPS = 1024;

  private final Process process;
  private final OutputStream stdin;
  private final LinkedBlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
  private volatile StdioLoop[] loops = new StdioLoop[0];
  private volatile CompletableFuture<byte[]> setup = new CompletableFuture<>();
  private volatile Throwable broken;

  private StdioDriver(Process process) {
    this.process = process;
    this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
  }

  /** Starts {@code command}, its stderr to {@code log}, and opens the MCP session. */
  static StdioDriver start(List<String> command, Path log) throws Exception {
    Files.createDirectories(log.getParent());
    Process p =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    StdioDriver d = new StdioDriver(p);
    Thread.ofPlatform().daemon().name("stdio-driver-write").start(d::write);
    Thread.ofPlatform().daemon().name("stdio-driver-read").start(d::read);
    d.exchange(
        "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\""
            + BenchCase.Era.V2025.version
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"warden-bench\",\"version\":\"1\"}}}");
    d.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return d;
  }

  long pid() {
    return process.pid();
  }

  /** One run of {@code concurrency} loops calling the {@code payload} tool. */
  Measurement run(
      String payload, int concurrency, Duration warmup, Duration measure, Map<String, Long> watched)
      throws Exception {
    if (concurrency > MAX_LOOPS) {
      throw new IllegalArgumentException("stdio runs take at most " + MAX_LOOPS + " loops");
    }
    ReplyCheck check = ReplyCheck.of(payload, BenchCase.Era.V2025);
    CallRequest call = CallRequest.toolsCall(BenchCase.Era.V2025, PayloadText.toolName(payload));
    Loop.RunState state = new Loop.RunState(concurrency);
    List<StdioLoop> list = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      list.add(new StdioLoop(i, call, check, state));
    }
    loops = list.toArray(StdioLoop[]::new);
    return Loop.measure("direct", payload, list, state, warmup, measure, watched);
  }

  /** Sends one request outside any run and waits for its answer (ids that are strings). */
  private byte[] exchange(String request) throws Exception {
    setup = new CompletableFuture<>();
    send(request);
    byte[] reply = setup.get(30, TimeUnit.SECONDS);
    String text = new String(reply, StandardCharsets.UTF_8);
    if (!text.contains("\"result\"")) {
      throw new IllegalStateException("stdio upstream refused " + request + ": " + text);
    }
    return reply;
  }

  private void send(String line) {
    outgoing.add(line.getBytes(StandardCharsets.UTF_8));
  }

  private void write() {
    try {
      while (true) {
        byte[] next = outgoing.take();
        stdin.write(next);
        stdin.write('\n');
        if (outgoing.isEmpty()) {
          stdin.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      fail(e);
    }
  }

  private void read() {
    try (InputStream in = process.getInputStream()) {
      LineReader lines = new LineReader(in);
      for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
        dispatch(l.buf(), l.offset(), l.length());
      }
      fail(new IOException("the stdio upstream closed its output"));
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private void dispatch(byte[] buf, int offset, int length) throws IOException {
    RequestPeek m = RequestPeek.of(buf, offset, length);
    byte[] id = m.id();
    if (id == null || id.length == 0 || id[0] == '"') {
      setup.complete(Arrays.copyOfRange(buf, offset, offset + length));
      return;
    }
    long n = Long.parseLong(new String(id, StandardCharsets.US_ASCII));
    StdioLoop[] current = loops;
    int index = (int) (n % MAX_LOOPS);
    if (index >= current.length) {
      throw new IOException("answer for unknown loop, id " + n);
    }
    current[index].answered(buf, offset, length, id);
  }

  private void fail(Throwable t) {
    if (broken == null) {
      broken = t;
    }
    setup.completeExceptionally(t);
    for (StdioLoop l : loops) {
      l.broken(t);
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /** One closed loop over the shared pipe. */
  private final class StdioLoop extends Loop {
    private final int index;
    private final CallRequest call;
    private final ReplyCheck check;
    private long seq;
    private volatile long startNanos;
    private volatile boolean waiting;

    StdioLoop(int index, CallRequest call, ReplyCheck check, RunState state) {
      super(state);
      this.index = index;
      this.call = call;
      this.check = check;
    }

    @Override
    void next() {
      if (ended()) {
        return;
      }
      long id = ++seq * MAX_LOOPS + index;
      startNanos = System.nanoTime();
      waiting = true;
      outgoing.add(call.body(Long.toString(id).getBytes(StandardCharsets.US_ASCII)));
    }

    void answered(byte[] buf, int offset, int length, byte[] id) {
      long nanos = System.nanoTime() - startNanos;
      waiting = false;
      byte[] body = offset == 0 ? buf : Arrays.copyOfRange(buf, offset, offset + length);
      finished(nanos, check.problem(200, LoadGenerator.JSON, body, length, id));
      next();
    }

    /** The pipe broke: the call in flight fails and the loop ends. */
    void broken(Throwable t) {
      if (waiting) {
        waiting = false;
        finished(0, "stdio upstream: " + t);
        state.phase = RunState.STOP;
        ended();
      }
    }
  }
}
