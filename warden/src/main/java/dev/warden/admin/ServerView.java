package dev.warden.admin;

import dev.warden.config.ServerConfig;
import java.net.URI;
import java.util.List;

/**
 * A registered server as the admin API shows it: header names but never their values, and the URL
 * without userinfo, query or fragment, where credentials tend to hide.
 */
record ServerView(
    String id, String transport, String url, long timeoutMs, List<String> headerNames) {

  static ServerView of(ServerConfig server) {
    return new ServerView(
        server.id(),
        server.transport().key(),
        withoutSecrets(server.url()),
        server.timeout().toMillis(),
        server.headers().keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
  }

  /** Keeps scheme://host:port/path; null (stdio) stays null. */
  static String withoutSecrets(URI url) {
    if (url == null) {
      return null;
    }
    String authority = url.getRawAuthority();
    if (authority == null) {
      // Opaque or relative: nothing here is a locator worth showing, and it may all be secret.
      return url.getScheme() == null ? "" : url.getScheme() + ":";
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return url.getScheme() + "://" + hostPort + path;
  }
}
