package dev.warden.pipeline;

/**
 * One kind of sensitive value seen in an exchange: never the value, only where it travelled ({@code
 * request} or {@code response}), its type id and what was done with it.
 */
public record Detection(String direction, String type, String action) {}
