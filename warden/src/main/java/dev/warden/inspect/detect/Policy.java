package dev.warden.inspect.detect;

/** When a shape-validated value may be reported without a context word nearby. */
public enum Policy {
  /** Always: the check digits or structure are reliable alone. */
  ALONE,
  /** Alone when written in its usual grouping ({@code 123-45-6789}); bare digits need context. */
  FORMATTED,
  /** Only with a context word nearby. */
  CONTEXT
}
