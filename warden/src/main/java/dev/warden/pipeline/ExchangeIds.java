package dev.warden.pipeline;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids that sort by time: 48 bits of milliseconds, then 64 random bits, in hex. */
public final class ExchangeIds {
  private static final HexFormat HEX = HexFormat.of();

  private ExchangeIds() {}

  public static String next() {
    long millis = System.currentTimeMillis();
    return HEX.toHexDigits(millis).substring(4)
        + HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
