package dev.warden.pipeline;

/**
 * Why the gateway refused a request. {@code rule} names what decided (e.g. "persona:scope",
 * "auth:key"); {@code reason} is one line safe to show the agent.
 */
public record Denial(Kind kind, String rule, String reason) {
  /** What the agent reads: the rule, the reason and the audit record to look it up by. */
  public String message(String recordId) {
    return "Denied by Warden rule " + rule + ": " + reason + " (audit record " + recordId + ")";
  }

  /** How a denial surfaces to the client. */
  public enum Kind {
    /** HTTP 401 with a WWW-Authenticate challenge. */
    UNAUTHENTICATED,
    /** HTTP 403: the agent may not use this persona. */
    FORBIDDEN,
    /** HTTP 404: no such persona endpoint or session. */
    NOT_FOUND,
    /** HTTP 400: the request cannot be taken as it is (e.g. no session id). */
    BAD_REQUEST,
    /** JSON-RPC error identical to the one for a name that does not exist. */
    INVISIBLE,
    /** A tool result with isError: true that names the rule, so the model can read it and stop. */
    POLICY
  }
}
