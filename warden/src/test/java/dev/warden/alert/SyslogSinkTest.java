package dev.warden.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.config.AlertsConfig;
import dev.warden.config.AlertsConfig.Event;
import dev.warden.config.AlertsConfig.Format;
import dev.warden.config.AlertsConfig.Protocol;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Syslog alerts read back by real UDP and TCP receivers on 127.0.0.1. */
class SyslogSinkTest {
  /** A tool name with every character CEF must escape, as an agent may send it. */
  static final String NASTY = "a|b\\c=d\ne\rf";

  static final Pattern RFC5424 =
      Pattern.compile(
          "<(\\d{1,3})>1 (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) (\\S+) warden (\\d+)"
              + " (\\S+) - (.*)",
          Pattern.DOTALL);

  static AlertsConfig syslog(Protocol protocol, int port, Format format) {
    return AlertsConfig.NONE.withSyslog(
        new AlertsConfig.Syslog(
            protocol, "127.0.0.1", port, format, 16, Event.ALL, Duration.ofSeconds(2), 100));
  }

  @Test
  void udpCarriesOneRfc5424MessageWithCefPerDatagramAndEscapesWhatAnAgentSent() throws Exception {
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(10_000);
      try (Alerts alerts =
          Alerts.start(syslog(Protocol.UDP, receiver.getLocalPort(), Format.CEF), "1.0")) {
        alerts.publish(Exchanges.denied("req-u", NASTY, "persona:tools"));
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        receiver.receive(packet);
        String message =
            new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        Matcher m = RFC5424.matcher(message);
        assertThat(m.matches()).as(message).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(16 * 8 + 4); // local0.warning
        assertThat(m.group(4)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(m.group(5)).isEqualTo("denied");
        String cef = m.group(6);
        assertThat(cef).doesNotContain("\n", "\r");
        List<String> header = cefHeader(cef);
        assertThat(header.subList(0, 7))
            .containsExactly(
                "CEF:0",
                "Warden",
                "Warden",
                "1.0",
                "denied",
                "Request denied by persona:tools",
                "5");
        Map<String, String> ext = cefExtension(header.get(7));
        assertThat(ext)
            .containsEntry("externalId", "req-u")
            .containsEntry("suser", "triage-bot")
            .containsEntry("act", "denied")
            .containsEntry("cs1", "support")
            .containsEntry("cs1Label", "persona")
            .containsEntry("cs3", NASTY)
            .containsEntry("cs3Label", "tool")
            .containsEntry("cs4", "persona:tools")
            .containsEntry("src", "127.0.0.1");
      }
    }
  }

  @Test
  void tcpUsesOctetCountingFramesOnOneConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(10_000);
      BlockingQueue<String> frames = new LinkedBlockingQueue<>();
      Thread reader = Thread.ofVirtual().start(() -> readFrames(server, frames));
      try (Alerts alerts =
          Alerts.start(syslog(Protocol.TCP, server.getLocalPort(), Format.CEF), "1.0")) {
        alerts.publish(Exchanges.detected("req-t1", "EMAIL_ADDRESS"));
        alerts.publish(Exchanges.failed("req-t2", "timeout"));
        String first = frames.poll(10, TimeUnit.SECONDS);
        String second = frames.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        Matcher m1 = RFC5424.matcher(first);
        Matcher m2 = RFC5424.matcher(second);
        assertThat(m1.matches()).as(first).isTrue();
        assertThat(m2.matches()).as(second).isTrue();
        assertThat(Integer.parseInt(m1.group(1))).isEqualTo(16 * 8 + 5); // notice
        assertThat(m1.group(5)).isEqualTo("detection");
        List<String> h1 = cefHeader(m1.group(6));
        assertThat(h1.get(6)).isEqualTo("3");
        // findings keep their "=" escaped in the value and read back whole
        assertThat(cefExtension(h1.get(7)))
            .containsEntry("cs5", "response:EMAIL_ADDRESS=2")
            .containsEntry("cs5Label", "findings");
        assertThat(Integer.parseInt(m2.group(1))).isEqualTo(16 * 8 + 3); // err
        assertThat(cefExtension(cefHeader(m2.group(6)).get(7)))
            .containsEntry("cs6", "timeout")
            .containsEntry("flexString1", "error");
      }
      reader.join(5_000);
    }
  }

  @Test
  void jsonFormatPutsTheAlertObjectInTheMessage() throws Exception {
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(10_000);
      try (Alerts alerts =
          Alerts.start(syslog(Protocol.UDP, receiver.getLocalPort(), Format.JSON), "1.0")) {
        alerts.publish(Exchanges.denied("req-j", NASTY, "persona:tools"));
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        receiver.receive(packet);
        Matcher m =
            RFC5424.matcher(
                new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        assertThat(m.matches()).isTrue();
        JsonNode alert = new ObjectMapper().readTree(m.group(6));
        assertThat(alert.get("tool").asText()).isEqualTo(NASTY);
        assertThat(alert.get("request_id").asText()).isEqualTo("req-j");
      }
    }
  }

  @Test
  void cefHeaderEscapesPipeAndBackslashAndFlattensLineBreaks() {
    assertThat(Cef.header("a|b\\c\nd")).isEqualTo("a\\|b\\\\c d");
    assertThat(Cef.value("k=v\\x\ny\r")).isEqualTo("k\\=v\\\\x\\ny\\r");
  }

  /** Reads octet-counted frames ("LEN SP MSG") from the first connection. */
  private static void readFrames(ServerSocket server, BlockingQueue<String> frames) {
    try (Socket s = server.accept();
        DataInputStream in = new DataInputStream(s.getInputStream())) {
      while (true) {
        StringBuilder len = new StringBuilder();
        for (int c = in.read(); c != ' '; c = in.read()) {
          if (c < 0) {
            return;
          }
          assertThat((char) c).isBetween('0', '9');
          len.append((char) c);
        }
        byte[] message = new byte[Integer.parseInt(len.toString())];
        in.readFully(message);
        frames.add(new String(message, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the sink closed the connection
    }
  }

  /** The seven header fields and the extension, split on unescaped "|" and unescaped. */
  static List<String> cefHeader(String cef) {
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    for (; i < cef.length() && fields.size() < 7; i++) {
      char c = cef.charAt(i);
      if (c == '\\' && i + 1 < cef.length()) {
        cur.append(cef.charAt(++i));
      } else if (c == '|') {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    fields.add(cef.substring(i));
    return fields;
  }

  /** {@code key=value} pairs: a key is a word before an unescaped "=", values are unescaped. */
  static Map<String, String> cefExtension(String ext) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher keys = Pattern.compile("(?:^| )([A-Za-z0-9]+)=").matcher(ext);
    List<int[]> at = new java.util.ArrayList<>();
    while (keys.find()) {
      if (keys.start(1) > 0 && ext.charAt(keys.start(1) - 1) != ' ') {
        continue;
      }
      int backslashes = 0;
      for (int j = keys.start() - 1; j >= 0 && ext.charAt(j) == '\\'; j--) {
        backslashes++;
      }
      if (backslashes % 2 == 0) {
        at.add(new int[] {keys.start(1), keys.end()});
      }
    }
    for (int k = 0; k < at.size(); k++) {
      int end = k + 1 < at.size() ? at.get(k + 1)[0] - 1 : ext.length();
      String key = ext.substring(at.get(k)[0], at.get(k)[1] - 1);
      out.put(key, unescape(ext.substring(at.get(k)[1], end)));
    }
    return out;
  }

  private static String unescape(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        char n = v.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
