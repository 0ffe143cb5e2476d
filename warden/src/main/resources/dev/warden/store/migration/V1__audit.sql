-- The audit trail: one row per record, chained by hash in sequence order (see docs/adr/0002).
-- Portable SQL: the same script runs on SQLite and PostgreSQL.
CREATE TABLE audit_record (
  seq            BIGINT       NOT NULL PRIMARY KEY,
  kind           VARCHAR(16)  NOT NULL,
  time_ms        BIGINT       NOT NULL,
  request_id     VARCHAR(64)  NOT NULL,
  agent          TEXT         NOT NULL,
  user_name      TEXT         NOT NULL,
  persona        TEXT         NOT NULL,
  server         TEXT         NOT NULL,
  method         TEXT         NOT NULL,
  target         TEXT         NOT NULL,
  decision       VARCHAR(16)  NOT NULL,
  rule           TEXT         NOT NULL,
  findings       TEXT         NOT NULL,
  upstream_error TEXT         NOT NULL,
  http_status    INTEGER      NOT NULL,
  latency_us     BIGINT       NOT NULL,
  bytes_in       BIGINT       NOT NULL,
  bytes_out      BIGINT       NOT NULL,
  client_address TEXT         NOT NULL,
  prev_hash      CHAR(64)     NOT NULL,
  hash           CHAR(64)     NOT NULL
);

CREATE INDEX audit_record_time ON audit_record (time_ms);

-- Signed statements "the chain had reached seq with hash": deleting the tail past one is detected.
CREATE TABLE audit_checkpoint (
  seq     BIGINT    NOT NULL PRIMARY KEY,
  hash    CHAR(64)  NOT NULL,
  time_ms BIGINT    NOT NULL,
  mac     TEXT      NOT NULL
);
