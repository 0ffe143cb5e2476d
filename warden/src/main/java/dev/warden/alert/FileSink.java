package dev.warden.alert;

import dev.warden.config.AlertsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one alert per line (JSON or CEF) to a file that a SIEM agent tails. When the next line
 * would take the file past {@code max-size} it is rotated: {@code path} becomes {@code path.1},
 * {@code path.1} becomes {@code path.2}, and so on; {@code path.<keep>} is deleted.
 */
final class FileSink implements AlertSink {
  private static final Logger log = LoggerFactory.getLogger(FileSink.class);

  private final AlertsConfig.File config;
  private final String version;
  private OutputStream out;
  private long size;

  FileSink(AlertsConfig.File config, String version) {
    this.config = config;
    this.version = version;
  }

  @Override
  public boolean deliver(Alert alert) {
    String text =
        config.format() == AlertsConfig.Format.CEF
            ? Cef.of(alert, version)
            : AlertJson.of(alert, version);
    byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (out == null) {
        open();
      }
      if (size > 0 && size + line.length > config.maxSize()) {
        rotate();
      }
      out.write(line);
      out.flush();
      size += line.length;
      return true;
    } catch (IOException e) {
      log.warn("alert file: alert for request {} not written: {}", alert.requestId(), e.toString());
      closeQuietly();
      return false;
    }
  }

  private void open() throws IOException {
    Path parent = config.path().toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    out =
        Files.newOutputStream(config.path(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = Files.size(config.path());
  }

  private void rotate() throws IOException {
    closeQuietly();
    Files.deleteIfExists(numbered(config.keep()));
    for (int i = config.keep() - 1; i >= 1; i--) {
      Path from = numbered(i);
      if (Files.exists(from)) {
        Files.move(from, numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(config.path(), numbered(1), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  private Path numbered(int n) {
    return config.path().resolveSibling(config.path().getFileName() + "." + n);
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // the file is given up either way
      }
      out = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
