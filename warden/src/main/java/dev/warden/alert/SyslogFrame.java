package dev.warden.alert;

import dev.warden.config.AlertsConfig.Format;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An RFC 5424 syslog message: {@code <PRI>1 TIMESTAMP HOSTNAME warden PROCID MSGID - MSG}, where
 * MSGID is the alert's event and MSG its CEF line or JSON object. Over TCP each message is sent
 * with octet-counting framing (RFC 6587): its length in bytes, a space, the message.
 */
final class SyslogFrame {
  static final String APP_NAME = "warden";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Format format;
  private final int facility;
  private final String hostname;
  private final String procId;
  private final String version;

  SyslogFrame(Format format, int facility, String hostname, long pid, String version) {
    this.format = format;
    this.facility = facility;
    this.hostname = printable(hostname, 255);
    this.procId = Long.toString(pid);
    this.version = version;
  }

  /** The syslog severity: error 3, warning 4 (a denial), notice 5 (a finding let through). */
  static int severity(Alert a) {
    return switch (a.primary()) {
      case ERROR -> 3;
      case DENIED -> 4;
      case DETECTION -> 5;
    };
  }

  String message(Alert a) {
    String msg = format == Format.CEF ? Cef.of(a, version) : AlertJson.of(a, version);
    return "<"
        + (facility * 8 + severity(a))
        + ">1 "
        + TIME.format(a.time().truncatedTo(ChronoUnit.MILLIS))
        + ' '
        + hostname
        + ' '
        + APP_NAME
        + ' '
        + procId
        + ' '
        + a.primary().key()
        + " - "
        + msg;
  }

  /** The message in octet-counting framing, for TCP. */
  byte[] octetCounted(Alert a) {
    byte[] message = message(a).getBytes(StandardCharsets.UTF_8);
    byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(message, 0, out, prefix.length, message.length);
    return out;
  }

  /** A header field: printable US-ASCII without spaces, "-" when nothing is left. */
  static String printable(String text, int max) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && b.length() < max; i++) {
      char c = text.charAt(i);
      if (c > 32 && c < 127) {
        b.append(c);
      }
    }
    return b.isEmpty() ? "-" : b.toString();
  }
}
