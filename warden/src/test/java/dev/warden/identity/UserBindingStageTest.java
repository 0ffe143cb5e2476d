package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.warden.mcp.McpMessage;
import dev.warden.mcp.ProtocolEra;
import dev.warden.mcp.Session;
import dev.warden.mcp.SessionClaims;
import dev.warden.pipeline.Denial;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserBindingStageTest {
  private final UserBindingStage stage = new UserBindingStage();

  private static Session openedFor(String user) {
    SessionClaims claims =
        new SessionClaims(Instant.now(), "bot", "triage", "2025-11-25", Set.of(), "c", "1")
            .withUser(user);
    return new Session("s-1", claims, JsonNodeFactory.instance.objectNode());
  }

  private Reply call(Session session, String user, ProtocolEra era) {
    McpMessage m =
        new McpMessage(
            McpMessage.Kind.REQUEST,
            JsonNodeFactory.instance.numberNode(1),
            "tools/list",
            null,
            JsonNodeFactory.instance.objectNode());
    Exchange ex = new Exchange("id", "triage", m, n -> null, "127.0.0.1", 0);
    ex.era(era);
    ex.principal(new Principal("bot", Set.of("triage")).withUser(user));
    ex.session(session);
    return stage.apply(ex, e -> new Reply.Accepted());
  }

  @Test
  void theUserWhoOpenedTheSessionGoesOn() {
    assertThat(call(openedFor("alice"), "alice", ProtocolEra.STATEFUL))
        .isInstanceOf(Reply.Accepted.class);
    assertThat(call(openedFor(""), "", ProtocolEra.STATEFUL)).isInstanceOf(Reply.Accepted.class);
  }

  @Test
  void anotherUserMidSessionIsRefused() {
    for (String[] pair : new String[][] {{"alice", "bob"}, {"alice", ""}, {"", "alice"}}) {
      assertThat(call(openedFor(pair[0]), pair[1], ProtocolEra.STATEFUL))
          .isInstanceOfSatisfying(
              Reply.Denied.class,
              d -> {
                assertThat(d.denial().kind()).isEqualTo(Denial.Kind.FORBIDDEN);
                assertThat(d.denial().rule()).isEqualTo("user:changed");
              });
    }
  }

  @Test
  void theUserSurvivesTheSessionIdSoAnotherReplicaChecksItToo() {
    SessionClaims claims =
        new SessionClaims(Instant.now(), "bot", "triage", "2025-11-25", Set.of(), "c", "1")
            .withUser("alice");
    assertThat(claims.userDigest()).hasSize(32).isEqualTo(SessionClaims.userDigest("alice"));
    assertThat(claims.userDigest()).isNotEqualTo(SessionClaims.userDigest("bob"));
    assertThat(SessionClaims.userDigest("")).isEmpty();
  }

  @Test
  void requestsWithoutASessionNameTheirUserEachTime() {
    assertThat(call(null, "alice", ProtocolEra.STATEFUL)).isInstanceOf(Reply.Accepted.class);
    assertThat(call(openedFor("alice"), "bob", ProtocolEra.STATELESS))
        .isInstanceOf(Reply.Accepted.class);
  }
}
