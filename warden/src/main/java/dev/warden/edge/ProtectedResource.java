package dev.warden.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.JsonRpcCodec;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/**
 * RFC 9728 protected resource metadata for each persona endpoint. Agents authenticate with API keys
 * issued by the operator, so no authorization server is listed yet.
 */
final class ProtectedResource {
  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  private ProtectedResource() {}

  static String base(Request request) {
    HttpURI uri = request.getHttpURI();
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
    String authority = uri.getAuthority();
    return scheme + "://" + authority;
  }

  static String metadataUrl(Request request, String persona) {
    return base(request) + WELL_KNOWN + "/personas/" + persona + "/mcp";
  }

  static byte[] document(Request request, String persona) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("resource", base(request) + "/personas/" + persona + "/mcp");
    doc.putArray("authorization_servers");
    doc.putArray("bearer_methods_supported").add("header");
    doc.put("resource_name", "Warden persona " + persona);
    return JsonRpcCodec.bytes(doc);
  }
}
