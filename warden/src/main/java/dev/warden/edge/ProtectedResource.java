package dev.warden.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.edge.http.HttpRequest;
import dev.warden.mcp.JsonRpcCodec;

/**
 * RFC 9728 protected resource metadata for each persona endpoint. Agents authenticate with API keys
 * issued by the operator, so no authorization server is listed yet.
 */
final class ProtectedResource {
  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  private ProtectedResource() {}

  /**
   * The scheme and authority agents reach this endpoint at: those of an absolute-form target, else
   * the Host field; http, since the listener itself does not terminate TLS.
   */
  static String base(HttpRequest request) {
    String target = request.target();
    if (!target.startsWith("/")) {
      int start = target.indexOf("://") + 3;
      int slash = target.indexOf('/', start);
      return slash < 0 ? target : target.substring(0, slash);
    }
    String host = request.header("Host");
    return "http://" + (host == null ? "localhost" : host);
  }

  static String metadataUrl(HttpRequest request, String persona) {
    return base(request) + WELL_KNOWN + "/personas/" + persona + "/mcp";
  }

  static byte[] document(HttpRequest request, String persona) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("resource", base(request) + "/personas/" + persona + "/mcp");
    doc.putArray("authorization_servers");
    doc.putArray("bearer_methods_supported").add("header");
    doc.put("resource_name", "Warden persona " + persona);
    return JsonRpcCodec.bytes(doc);
  }
}
