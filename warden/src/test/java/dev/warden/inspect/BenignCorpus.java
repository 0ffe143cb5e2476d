package dev.warden.inspect;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates benign tool payloads with a fixed seed: the identifiers, hashes, timestamps, versions,
 * prices and codes real JSON is full of, and no sensitive value. Every kind of record mimics a tool
 * result an agent sees: git logs, package manifests, metrics, orders, invoices, tracking events,
 * Kubernetes manifests, API pages, application logs, minified code and inline images.
 */
final class BenignCorpus {
  private final Random r;

  private BenignCorpus(long seed) {
    this.r = new Random(seed);
  }

  static String generate(long seed, int chars) {
    BenignCorpus g = new BenignCorpus(seed);
    List<Function<BenignCorpus, String>> kinds =
        List.of(
            BenignCorpus::commit,
            BenignCorpus::manifest,
            BenignCorpus::metrics,
            BenignCorpus::order,
            BenignCorpus::invoice,
            BenignCorpus::tracking,
            BenignCorpus::kubernetes,
            BenignCorpus::apiPage,
            BenignCorpus::logLines,
            BenignCorpus::minifiedJs,
            BenignCorpus::image,
            BenignCorpus::ticket,
            BenignCorpus::build);
    StringBuilder b = new StringBuilder(chars + 4096);
    while (b.length() < chars) {
      b.append(kinds.get(g.r.nextInt(kinds.size())).apply(g)).append('\n');
    }
    return b.toString();
  }

  private String commit() {
    return "{\"sha\":\"%s\",\"parents\":[\"%s\"],\"author\":{\"name\":\"%s\",\"date\":\"%s\"},\"message\":\"%s (#%d)\",\"stats\":{\"additions\":%d,\"deletions\":%d,\"total\":%d},\"tree\":\"%s\"}"
        .formatted(
            hex(40),
            hex(40),
            pick(NAMES),
            iso(),
            pick(COMMITS),
            1000 + r.nextInt(9000),
            r.nextInt(900),
            r.nextInt(400),
            r.nextInt(1300),
            hex(40));
  }

  private String manifest() {
    StringBuilder deps = new StringBuilder();
    for (int i = 0, n = 3 + r.nextInt(8); i < n; i++) {
      deps.append(i == 0 ? "" : ",")
          .append("\"%s\":\"%s%s\"".formatted(pick(PACKAGES), pick("^", "~", ""), semver()));
    }
    return "{\"name\":\"@acme/%s\",\"version\":\"%s\",\"license\":\"MIT\",\"dependencies\":{%s},\"resolved\":\"https://registry.npmjs.org/%s/-/%s-%s.tgz\",\"integrity\":\"sha512-%s\",\"engines\":{\"node\":\">=%d.0.0\"}}"
        .formatted(
            pick(PACKAGES),
            semver(),
            deps,
            pick(PACKAGES),
            pick(PACKAGES),
            semver(),
            b64(64),
            16 + r.nextInt(6));
  }

  private String metrics() {
    StringBuilder values = new StringBuilder();
    long t = 1_717_000_000L + r.nextInt(9_000_000);
    for (int i = 0, n = 4 + r.nextInt(10); i < n; i++) {
      values
          .append(i == 0 ? "" : ",")
          .append("[%d,\"%d.%04d\"]".formatted(t + 15L * i, r.nextInt(99), r.nextInt(10000)));
    }
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"%s\",\"instance\":\"%s-%d:9090\",\"job\":\"%s\",\"pod\":\"%s-%s-%s\"},\"values\":[%s]}]}}"
        .formatted(
            pick(METRICS),
            pick(SERVICES),
            r.nextInt(9),
            pick(SERVICES),
            pick(SERVICES),
            hex(10),
            lower(5),
            values);
  }

  private String order() {
    return "{\"order_id\":\"%s\",\"order_number\":%d,\"customer_id\":\"cus_%s\",\"status\":\"%s\",\"items\":[{\"sku\":\"SKU-%s-%s\",\"product_code\":\"%s\",\"ean\":\"%s\",\"qty\":%d,\"unit_price\":%d.%02d}],\"currency\":\"%s\",\"total\":\"%d.%02d\",\"placed_at\":\"%s\",\"id\":\"%s\"}"
        .formatted(
            pick("ORD-", "SO-", "PO-", "#") + digits(6 + r.nextInt(5)),
            100_000_000 + r.nextInt(900_000_000),
            alnum(14),
            pick("pending", "paid", "shipped", "delivered", "refunded"),
            digits(4),
            digits(4),
            pick("PRD-", "X", "ACM-") + digits(5),
            digits(13),
            1 + r.nextInt(9),
            r.nextInt(500),
            r.nextInt(100),
            pick("EUR", "USD", "GBP", "JPY"),
            r.nextInt(5000),
            r.nextInt(100),
            iso(),
            uuid());
  }

  private String invoice() {
    return "{\"invoice\":{\"number\":\"INV-%d-%s\",\"issued\":\"%s\",\"due\":\"2024-%02d-%02d\",\"po\":\"%s\",\"lines\":[{\"description\":\"%s\",\"hours\":%d.5,\"rate\":\"%d.00\",\"amount\":\"%s\"}],\"subtotal\":\"%s\",\"tax_rate\":\"%d%%\",\"total\":\"%s\",\"terms\":\"Net %d\"}}"
        .formatted(
            2020 + r.nextInt(6),
            digits(6),
            iso(),
            1 + r.nextInt(12),
            1 + r.nextInt(28),
            digits(10),
            pick(COMMITS),
            r.nextInt(40),
            50 + r.nextInt(200),
            money(),
            money(),
            5 + r.nextInt(20),
            money(),
            pick(15, 30, 45, 60));
  }

  private String tracking() {
    return "{\"carrier\":\"%s\",\"tracking_number\":\"%s\",\"events\":[{\"time\":\"%s\",\"status\":\"%s\",\"facility\":\"%s\",\"location\":{\"lat\":%d.%03d,\"lng\":%d.%03d}},{\"time\":%d,\"status\":\"in transit\",\"scan_id\":%d}],\"weight_kg\":%d.%d,\"dimensions\":\"%dx%dx%d\"}"
        .formatted(
            pick("UPS", "FedEx", "DHL", "USPS", "PostNL"),
            pick("1Z", "JD", "94", "") + digits(16 + r.nextInt(6)),
            iso(),
            pick("picked up", "arrived at facility", "out for delivery"),
            pick("HUB", "DC", "SORT") + "-" + digits(4),
            r.nextInt(80),
            r.nextInt(1000),
            r.nextInt(170),
            r.nextInt(1000),
            1_700_000_000_000L + r.nextLong(50_000_000_000L),
            r.nextInt(1_000_000_000),
            r.nextInt(30),
            r.nextInt(10),
            10 + r.nextInt(90),
            10 + r.nextInt(90),
            10 + r.nextInt(90));
  }

  private String kubernetes() {
    String app = pick(SERVICES);
    String yaml =
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\n  namespace: prod\n"
                + "  labels:\n    app: %s\n    version: v%s\nspec:\n  replicas: %d\n  template:\n"
                + "    spec:\n      containers:\n      - name: %s\n        image: ghcr.io/acme/%s@sha256:%s\n"
                + "        ports:\n        - containerPort: %d\n        resources:\n"
                + "          limits:\n            cpu: %dm\n            memory: %dMi\n"
                + "        env:\n        - name: LOG_LEVEL\n          value: info\n"
                + "        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n"
                + "              name: %s-db\n              key: password\n")
            .formatted(
                app,
                app,
                semver(),
                1 + r.nextInt(6),
                app,
                app,
                hex(64),
                8000 + r.nextInt(1000),
                100 * (1 + r.nextInt(20)),
                128 * (1 + r.nextInt(16)),
                app);
    return "{\"path\":\"deploy/%s.yaml\",\"content\":%s}".formatted(app, quote(yaml));
  }

  private String apiPage() {
    StringBuilder items = new StringBuilder();
    for (int i = 0, n = 2 + r.nextInt(5); i < n; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append(
              "{\"id\":\"%s\",\"object\":\"%s\",\"created\":%d,\"etag\":\"W/\\\"%s\\\"\",\"version\":\"%s\",\"amount\":%d,\"ref\":\"%s\"}"
                  .formatted(
                      uuid(),
                      pick("charge", "event", "file", "job"),
                      1_700_000_000 + r.nextInt(60_000_000),
                      hex(32),
                      semver(),
                      r.nextInt(100_000),
                      upperAlnum(12)));
    }
    return "{\"data\":[%s],\"has_more\":%b,\"next_cursor\":\"%s\",\"request_id\":\"req_%s\"}"
        .formatted(items, r.nextBoolean(), b64(24), alnum(14));
  }

  private String logLines() {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 3 + r.nextInt(6); i < n; i++) {
      b.append(
          "%s %s [%s-%d] c.a.%s - %s id=%s took=%dms status=%d trace=%s\\n"
              .formatted(
                  iso(),
                  pick("INFO", "WARN", "DEBUG"),
                  pick("http-nio-8080-exec", "pool-2-thread", "worker"),
                  r.nextInt(64),
                  pick("OrderService", "SyncJob", "CartController"),
                  pick(LOGS),
                  digits(8 + r.nextInt(4)),
                  r.nextInt(3000),
                  pick(200, 201, 204, 404, 409, 500),
                  hex(32)));
    }
    return "{\"stream\":\"%s\",\"lines\":\"%s\"}".formatted(pick(SERVICES), b);
  }

  private String minifiedJs() {
    return "{\"file\":\"dist/app.%s.js\",\"source\":%s}"
        .formatted(
            hex(8),
            quote(
                "!function(e,t){\"use strict\";var n=%d,r=[%d,%d,%d,%d];function o(e){return e*%d.%d|0}for(var i=0;i<r.length;i++)n+=o(r[i]);t.v=\"%s\",t.h=\"%s\",t.c=0x%s}(window,{});"
                    .formatted(
                        r.nextInt(1000),
                        r.nextInt(100000),
                        r.nextInt(100000),
                        r.nextInt(1000),
                        r.nextInt(10),
                        r.nextInt(10),
                        r.nextInt(100),
                        semver(),
                        hex(20),
                        hex(6))));
  }

  private String image() {
    byte[] png = new byte[300 + r.nextInt(900)];
    r.nextBytes(png);
    return "{\"avatar\":\"data:image/png;base64,%s\",\"width\":%d,\"height\":%d}"
        .formatted(Base64.getEncoder().encodeToString(png), 64, 64);
  }

  private String ticket() {
    return "{\"ticket\":{\"key\":\"%s-%d\",\"summary\":\"%s\",\"priority\":\"P%d\",\"status\":\"%s\",\"labels\":[\"%s\",\"v%s\"],\"created\":\"%s\",\"updated\":%d,\"comments\":%d,\"description\":\"Seen on build %s (commit %s). Order %s affected, %d retries, latency p99 %d.%d ms, region eu-west-%d.\"}}"
        .formatted(
            pick("OPS", "WEB", "CORE", "PAY"),
            r.nextInt(20000),
            pick(COMMITS),
            r.nextInt(5),
            pick("open", "in progress", "done"),
            pick(SERVICES),
            semver(),
            iso(),
            1_700_000_000_000L + r.nextLong(50_000_000_000L),
            r.nextInt(40),
            semver() + "+" + digits(4),
            hex(7),
            digits(9),
            r.nextInt(10),
            r.nextInt(900),
            r.nextInt(10),
            1 + r.nextInt(3));
  }

  private String build() {
    return "{\"pipeline\":%d,\"job\":\"%s\",\"runner\":\"runner-%s\",\"duration_s\":%d.%d,\"artifact\":{\"name\":\"%s-%s.jar\",\"size\":%d,\"sha256\":\"%s\",\"md5\":\"%s\"},\"jdk\":\"%d.0.%d+%d\",\"coverage\":\"%d.%d%%\",\"tests\":{\"passed\":%d,\"failed\":0,\"skipped\":%d}}"
        .formatted(
            r.nextInt(10_000_000),
            pick("build", "test", "deploy"),
            lower(8),
            r.nextInt(900),
            r.nextInt(10),
            pick(SERVICES),
            semver(),
            r.nextInt(90_000_000),
            hex(64),
            hex(32),
            17 + r.nextInt(9),
            r.nextInt(10),
            r.nextInt(40),
            r.nextInt(100),
            r.nextInt(10),
            r.nextInt(5000),
            r.nextInt(30));
  }

  private String iso() {
    return "20%02d-%02d-%02dT%02d:%02d:%02d.%03dZ"
        .formatted(
            18 + r.nextInt(8),
            1 + r.nextInt(12),
            1 + r.nextInt(28),
            r.nextInt(24),
            r.nextInt(60),
            r.nextInt(60),
            r.nextInt(1000));
  }

  private UUID uuid() {
    return new UUID(
        (r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
  }

  private String semver() {
    return "%d.%d.%d".formatted(r.nextInt(20), r.nextInt(40), r.nextInt(100));
  }

  private String money() {
    return "%d.%02d".formatted(r.nextInt(20000), r.nextInt(100));
  }

  private String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private String digits(int n) {
    return chars("0123456789", n);
  }

  private String hex(int n) {
    return chars("0123456789abcdef", n);
  }

  private String lower(int n) {
    return chars("abcdefghijklmnopqrstuvwxyz", n);
  }

  private String alnum(int n) {
    return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n);
  }

  private String upperAlnum(int n) {
    return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
  }

  private String b64(int bytes) {
    byte[] b = new byte[bytes];
    r.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private String chars(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[r.nextInt(options.length)];
  }

  private static final String[] NAMES = {"Ada L.", "Grace H.", "Linus T.", "Barbara L.", "Ken T."};
  private static final String[] COMMITS = {
    "Fix race in cache eviction",
    "Bump jackson to 2.17.1",
    "Add retry to upstream client",
    "Refactor order totals",
    "Update README",
    "Migrate CI to new runners",
    "Reduce p99 latency"
  };
  private static final String[] PACKAGES = {
    "react", "lodash", "express", "zod", "axios", "vite", "typescript", "eslint", "jest", "ui-kit"
  };
  private static final String[] METRICS = {
    "http_server_requests_seconds", "jvm_memory_used_bytes", "process_cpu_usage", "queue_depth"
  };
  private static final String[] SERVICES = {
    "checkout", "catalog", "billing", "search", "gateway", "inventory", "notifier"
  };
  private static final String[] LOGS = {
    "processed order", "cache miss", "retrying request", "job finished", "rate limited"
  };
}
