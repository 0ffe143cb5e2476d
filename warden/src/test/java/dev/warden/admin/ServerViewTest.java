package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerViewTest {
  @Test
  void keepsSchemeHostPortAndPath() {
    assertThat(ServerView.withoutSecrets(URI.create("https://tickets.internal:8443/v1/mcp")))
        .isEqualTo("https://tickets.internal:8443/v1/mcp");
  }

  @Test
  void dropsUserinfoQueryAndFragment() {
    URI url = URI.create("https://bot:s3cret@api.example.com/mcp?api_key=s3cret#s3cret");

    assertThat(ServerView.withoutSecrets(url)).isEqualTo("https://api.example.com/mcp");
  }

  @Test
  void dropsUserinfoEvenWithAnAtSignInThePassword() {
    assertThat(ServerView.withoutSecrets(URI.create("http://bot:p%40ss@10.0.0.5:3001/mcp")))
        .isEqualTo("http://10.0.0.5:3001/mcp");
    assertThat(ServerView.withoutSecrets(URI.create("http://bot:p@ss@10.0.0.5:3001/mcp")))
        .isEqualTo("http://10.0.0.5:3001/mcp");
  }

  @Test
  void keepsIpv6Literals() {
    assertThat(ServerView.withoutSecrets(URI.create("http://u:p@[::1]:3001/mcp")))
        .isEqualTo("http://[::1]:3001/mcp");
  }

  @Test
  void showsNothingOfAnOpaqueUri() {
    assertThat(ServerView.withoutSecrets(URI.create("mailto:ops@example.com")))
        .isEqualTo("mailto:");
  }

  @Test
  void leavesAMissingUrlMissing() {
    assertThat(ServerView.withoutSecrets(null)).isNull();
  }
}
