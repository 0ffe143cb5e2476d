package dev.warden.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.mcp.ParamHeaders;
import java.util.List;

/**
 * One tool, prompt, resource or template as agents see it.
 *
 * @param server the server that offers it
 * @param exposedName {@code server__name} (the URI for resources)
 * @param upstreamName its name (or URI) on that server
 * @param definition the definition as agents see it, name already exposed; never modify
 * @param headerParams a tool's arguments mirrored into {@code Mcp-Param-*} headers, read from its
 *     {@code inputSchema} once; empty for almost every tool and for all other kinds
 */
public record CatalogEntry(
    String server,
    String exposedName,
    String upstreamName,
    ObjectNode definition,
    List<ParamHeaders.Param> headerParams) {}
