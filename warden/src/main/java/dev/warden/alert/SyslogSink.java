package dev.warden.alert;

import dev.warden.config.AlertsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to a syslog collector: one datagram per message over UDP (delivered means sent: UDP
 * does not say whether it arrived), or octet-counted frames over one TCP connection, opened on
 * first use and once more when a write fails.
 */
final class SyslogSink implements AlertSink {
  private static final Logger log = LoggerFactory.getLogger(SyslogSink.class);

  private final AlertsConfig.Syslog config;
  private final SyslogFrame frame;
  private volatile DatagramSocket udp;
  private volatile Socket tcp;
  private volatile boolean closed;

  SyslogSink(AlertsConfig.Syslog config, SyslogFrame frame) {
    this.config = config;
    this.frame = frame;
  }

  @Override
  public boolean deliver(Alert alert) throws InterruptedException {
    try {
      if (config.protocol() == AlertsConfig.Protocol.UDP) {
        sendUdp(frame.message(alert).getBytes(StandardCharsets.UTF_8));
      } else {
        sendTcp(frame.octetCounted(alert));
      }
      return true;
    } catch (IOException e) {
      if (closed) {
        throw new InterruptedException("alert sink closed");
      }
      log.warn(
          "syslog {}:{}: alert for request {} not sent: {}",
          config.host(),
          config.port(),
          alert.requestId(),
          e.toString());
      return false;
    }
  }

  private void sendUdp(byte[] message) throws IOException {
    if (udp == null) {
      udp = new DatagramSocket();
      udp.connect(new InetSocketAddress(config.host(), config.port()));
    }
    udp.send(new DatagramPacket(message, message.length));
  }

  private void sendTcp(byte[] framed) throws IOException {
    try {
      write(framed);
    } catch (IOException first) {
      // The collector may have closed an idle connection: reconnect once.
      closeTcp();
      write(framed);
    }
  }

  private void write(byte[] framed) throws IOException {
    if (tcp == null) {
      Socket s = new Socket();
      try {
        s.connect(
            new InetSocketAddress(config.host(), config.port()), (int) config.timeout().toMillis());
      } catch (IOException e) {
        s.close();
        throw e;
      }
      tcp = s;
    }
    OutputStream out = tcp.getOutputStream();
    out.write(framed);
    out.flush();
  }

  private void closeTcp() {
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException e) {
        // already broken
      }
      tcp = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    Socket s = tcp;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    if (udp != null) {
      udp.close();
    }
  }
}
