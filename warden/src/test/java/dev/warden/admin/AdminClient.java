package dev.warden.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A plain JDK HTTP client for the admin listener, so tests speak HTTP as any caller would. */
record AdminClient(URI base) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** GET {@code path}, with {@code authorization} as the Authorization header unless null. */
  HttpResponse<String> get(String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** POST {@code body} to {@code path}, with {@code authorization} unless null. */
  HttpResponse<String> post(String path, String authorization, byte[] body) throws Exception {
    var request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String errorCode(HttpResponse<String> response) {
    return json(response).path("error").path("code").asText();
  }
}
