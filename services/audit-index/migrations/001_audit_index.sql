-- The audit index (shared/design/reliability.md, "Audit"): one row per record on every public and
-- internal topic and every dead-letter topic, so one exchange's whole story (failed attempts, dead
-- letters and re-drives included) comes back from one indexed query. Only what the record's
-- coordinates and headers say is kept: values are never decoded here, so no personal data is stored.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.records (
  -- Where the record is: its identity. Topics as consumed (with the namespace, when there is one).
  topic                  text        NOT NULL,
  partition              integer     NOT NULL,
  record_offset          bigint      NOT NULL,
  record_time            timestamptz NOT NULL,   -- the Kafka timestamp
  record_key             text,                    -- the exchange id, as text (hex: for bytes that are not UTF-8)
  -- CloudEvents attributes from the ce_* headers; without headers, the key stands in for the correlation
  -- and the coordinates for the id (has_ce_headers false).
  correlation_id         text        NOT NULL,
  ce_id                  text        NOT NULL,
  ce_type                text,
  ce_time                timestamptz,
  ce_source              text,
  ce_subject             text,
  causation_id           text,
  has_ce_headers         boolean     NOT NULL,
  -- The writer schema named by the value's single-object fingerprint (NULL: no value, or not ours).
  value_schema           text,
  value_schema_version   integer,
  value_bytes            integer,
  -- Set by the ops tool on a record it put back on the log.
  replay_id              text,
  replay_of              text,
  replay_of_original     text,
  replay_by              text,
  replay_reason          text,
  -- Dead-letter provenance, on dead-letter topics only.
  dlq_consumer_group     text,
  dlq_service            text,
  dlq_error_class        text,
  dlq_error_code         text,
  dlq_error_message      text,
  dlq_original_topic     text,
  dlq_original_partition integer,
  dlq_original_offset    bigint,
  dlq_parked_behind      text,
  dlq_payload_sha256     text,
  dlq_attempts           integer,
  dlq_last_failure_at    timestamptz,
  indexed_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, partition, record_offset)
);

-- An exchange's timeline: every row of one correlation id, in log-time order, from the index alone.
CREATE INDEX records_by_correlation ON audit.records (correlation_id, record_time);
-- Following causes and effects across exchanges (a court event and the NOTs it caused), and finding a record by ce_id.
CREATE INDEX records_by_ce_id ON audit.records (ce_id);
CREATE INDEX records_by_causation ON audit.records (causation_id) WHERE causation_id IS NOT NULL;
-- Dead letters by group and time (ecris-ops dlq list), and the replays of each one.
CREATE INDEX records_dead_letters ON audit.records (dlq_consumer_group, record_time) WHERE dlq_error_class IS NOT NULL;
CREATE INDEX records_replays ON audit.records (replay_of) WHERE replay_of IS NOT NULL;
-- One topic's records of a day (ecris-ops reconcile: the court events of a date).
CREATE INDEX records_by_topic_time ON audit.records (topic, ce_time);
