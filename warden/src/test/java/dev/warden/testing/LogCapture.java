package dev.warden.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Records every log event of the JVM while open, formatted at once (message, arguments and the
 * whole throwable chain), so a test can prove that no line holds a value. For the duration, other
 * libraries log at INFO, as the shipped logback.xml has them, and Warden's own loggers at DEBUG: a
 * secret must not reach a Warden log line at any level.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root;
  private final Logger warden;
  private final Level rootLevel;
  private final Level wardenLevel;
  private final Recorder recorder = new Recorder();

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    this.warden = context.getLogger("dev.warden");
    this.rootLevel = root.getLevel();
    this.wardenLevel = warden.getLevel();
    recorder.setContext(context);
    recorder.setName("log-capture");
    recorder.start();
    root.addAppender(recorder);
    root.setLevel(Level.INFO);
    warden.setLevel(Level.DEBUG);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Every event so far as "LEVEL logger - message" followed by its throwables, if any. */
  public List<String> lines() {
    return List.copyOf(recorder.lines);
  }

  @Override
  public void close() {
    root.detachAppender(recorder);
    recorder.stop();
    warden.setLevel(wardenLevel);
    root.setLevel(rootLevel);
  }

  private static final class Recorder extends AppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent e) {
      StringBuilder s = new StringBuilder();
      s.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ");
      s.append(e.getFormattedMessage());
      IThrowableProxy t = e.getThrowableProxy();
      if (t != null) {
        s.append('\n').append(ThrowableProxyUtil.asString(t));
      }
      lines.add(s.toString());
    }
  }
}
