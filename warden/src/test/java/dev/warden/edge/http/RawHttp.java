package dev.warden.edge.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A client that writes exactly the bytes a test gives and reads answers one by one. */
final class RawHttp implements AutoCloseable {
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  RawHttp send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /** Reads one answer: head, then a body framed by Content-Length, chunks or the connection end. */
  Answer read() throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed before an answer");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int c = l.indexOf(':');
      headers.put(l.substring(0, c).toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
    }
    int code = Integer.parseInt(status.substring(9, 12));
    String body;
    if (code == 100 || code == 204 || code == 304) {
      body = "";
    } else if ("chunked".equals(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int n = Integer.parseInt(line(), 16); n > 0; n = Integer.parseInt(line(), 16)) {
        b.write(in.readNBytes(n));
        line();
      }
      line();
      body = b.toString(StandardCharsets.UTF_8);
    } else if (headers.containsKey("content-length")) {
      body =
          new String(
              in.readNBytes(Integer.parseInt(headers.get("content-length"))),
              StandardCharsets.UTF_8);
    } else {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Answer(code, headers, body);
  }

  /** Whether the server closed the connection (end of stream, or a reset). */
  boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** One line, null at the end of the stream. */
  String line() throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      b.append((char) c);
    }
    if (c < 0 && b.isEmpty()) {
      return null;
    }
    int n = b.length();
    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
