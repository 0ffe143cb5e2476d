/**
 * The built-in demo: in-process MCP servers ({@code tickets}, {@code mail}, {@code docs}) with
 * deterministic fake data, which the gateway reaches over real HTTP like any other upstream, and
 * the gateway configuration that goes with them.
 *
 * <p>{@link dev.warden.demo.McpServerEndpoint} serves any declared {@link
 * dev.warden.demo.McpServerSpec}; the benchmark reuses it as a fast upstream. Nothing here is a
 * real person or a real secret: emails use example.* domains, phone numbers come from ranges kept
 * for fiction, and the planted "secrets" are random or public test values.
 */
package dev.warden.demo;
