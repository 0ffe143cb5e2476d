package dev.warden.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool, prompt, resource or template as agents see it.
 *
 * @param server the server that offers it
 * @param exposedName {@code server__name} (the URI for resources)
 * @param upstreamName its name (or URI) on that server
 * @param definition the definition as agents see it, name already exposed; never modify
 */
public record CatalogEntry(
    String server, String exposedName, String upstreamName, ObjectNode definition) {}
