package dev.warden.bench.jmh;

import java.util.Random;
import java.util.UUID;

/** Realistic JSON tool payloads for the detection benchmark, with sensitive values sprinkled in. */
final class Payloads {
  private static final String[] SENSITIVE = {
    "\"card\":\"4111 1111 1111 1111\"",
    "\"email\":\"jane.doe@example.com\"",
    "\"ssn\":\"536-22-8726\"",
    "\"iban\":\"DE89 3704 0044 0532 0130 00\"",
    "\"phone\":\"+44 20 7946 0958\"",
    "\"token\":\"ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\"",
    "\"client_ip\":\"203.0.113.42\"",
    "\"nhs_number\":\"943 476 5919\""
  };

  private Payloads() {}

  /** Exactly {@code size} chars of JSON lines; every {@code every}-th record has a hit. */
  static String json(Random r, int size, int every) {
    StringBuilder b = new StringBuilder(size + 1024);
    for (int i = 0; b.length() < size; i++) {
      String hit = i % every == 0 ? SENSITIVE[r.nextInt(SENSITIVE.length)] + "," : "";
      switch (i % 4) {
        case 0 ->
            b.append(
                "{\"order_id\":\"ORD-%08d\",%s\"id\":\"%s\",\"sku\":\"SKU-%04d-%04d\",\"qty\":%d,\"price\":%d.%02d,\"created\":\"2024-05-%02dT10:%02d:00Z\",\"status\":\"shipped\"}\n"
                    .formatted(
                        r.nextInt(100_000_000),
                        hit,
                        new UUID(r.nextLong(), r.nextLong()),
                        r.nextInt(10000),
                        r.nextInt(10000),
                        1 + r.nextInt(9),
                        r.nextInt(1000),
                        r.nextInt(100),
                        1 + r.nextInt(28),
                        r.nextInt(60)));
        case 1 ->
            b.append(
                "{\"sha\":\"%040x\",%s\"message\":\"Fix race in cache eviction (#%d)\",\"version\":\"%d.%d.%d\",\"date\":\"2024-04-%02dT08:00:00+02:00\"}\n"
                    .formatted(
                        new java.math.BigInteger(160, r),
                        hit,
                        r.nextInt(9999),
                        r.nextInt(20),
                        r.nextInt(40),
                        r.nextInt(100),
                        1 + r.nextInt(28)));
        case 2 ->
            b.append(
                "{\"level\":\"info\",\"ts\":%d,%s\"msg\":\"GET /api/v1/orders?page=%d took %d ms, trace=%032x\"}\n"
                    .formatted(
                        1_717_000_000_000L + r.nextInt(1_000_000_000),
                        hit,
                        r.nextInt(100),
                        r.nextInt(3000),
                        new java.math.BigInteger(128, r)));
        default ->
            b.append(
                "{\"ticket\":{\"key\":\"OPS-%d\",%s\"summary\":\"Printer on floor %d jams after the last firmware update\",\"labels\":[\"hw\",\"printer\"],\"metrics\":[%d.%d,%d.%d,%d]}}\n"
                    .formatted(
                        r.nextInt(20000),
                        hit,
                        r.nextInt(9),
                        r.nextInt(100),
                        r.nextInt(10),
                        r.nextInt(100),
                        r.nextInt(10),
                        r.nextInt(100000)));
      }
    }
    b.setLength(size);
    return b.toString();
  }
}
