package dev.warden.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stdio MCP server that stops reading its input: it answers {@code initialize} and {@code
 * tools/list} (one tool, {@code deaf}), and at the first {@code tools/call} never reads or answers
 * again, as a server stuck in a long computation would. What the gateway writes to it then piles up
 * in the pipe until the pipe is full.
 */
public final class DeafStdioServer {
  private DeafStdioServer() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode m = json.readTree(line);
      String method = m.path("method").asText();
      if (!m.has("id")) {
        continue; // notifications
      }
      ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0").set("id", m.get("id"));
      switch (method) {
        case "initialize" -> {
          ObjectNode r = answer.putObject("result");
          r.put("protocolVersion", m.path("params").path("protocolVersion").asText("2025-11-25"));
          r.putObject("capabilities").putObject("tools");
          r.putObject("serverInfo").put("name", "deaf").put("version", "1.0.0");
        }
        case "tools/list" -> {
          ObjectNode tool = answer.putObject("result").putArray("tools").addObject();
          tool.put("name", "deaf").put("description", "Stops reading its input");
          tool.putObject("inputSchema").put("type", "object");
        }
        case "tools/call" -> {
          Thread.sleep(Long.MAX_VALUE); // stuck: the gateway stops it at shutdown
          return;
        }
        default -> answer.putObject("result");
      }
      out.println(json.writeValueAsString(answer));
      out.flush();
    }
  }
}
