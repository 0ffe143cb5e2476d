package dev.warden.inspect;

/**
 * How much a finding can be trusted alone. HIGH: a checksum or a vendor-specific structure makes
 * the match reliable by itself. MEDIUM: the format is distinctive, or a context word backs it up.
 * LOW: found only because a context word sits next to a value of the right shape.
 */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW
}
