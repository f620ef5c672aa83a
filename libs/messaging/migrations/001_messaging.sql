-- Exactly-once database effects for consumers (shared/design/reliability.md, "Writing the register
-- exactly once"). One transaction per record: inbox row, the effect, progress, outbox rows.

-- Who owns each partition, and where its consumer must resume. `epoch` goes up by one on every
-- assignment; a transaction only advances progress while its epoch is still the current one, which
-- fences a paused "zombie" consumer whose partitions have moved to another member.
CREATE TABLE partition_progress (
  consumer_group text    NOT NULL,
  topic          text    NOT NULL,
  partition      integer NOT NULL CHECK (partition >= 0),
  epoch          bigint  NOT NULL CHECK (epoch > 0),
  -- The offset of the next record to process; NULL until the first record is applied.
  next_offset    bigint  CHECK (next_offset >= 0),
  claimed_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, topic, partition)
);

-- Every event a consumer group has applied, by its CloudEvents id (`ce_id`). A second insert of the
-- same (group, id) conflicts: the event is a duplicate and its effect is skipped. Where it came from
-- is kept for investigations only; dedupe is by id, as a replayed copy has a new offset.
CREATE TABLE inbox (
  consumer_group text    NOT NULL,
  event_id       text    NOT NULL,
  topic          text    NOT NULL,
  partition      integer NOT NULL,
  record_offset  bigint  NOT NULL,
  received_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);
-- For pruning by age.
CREATE INDEX inbox_received_at ON inbox (received_at);

-- Records to publish, already encoded, written in the same transaction as the change that caused
-- them; a relay publishes them in id order and sets sent_at.
CREATE TABLE outbox (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The record's ce_id. Output ids are deterministic, so the same event emitted twice is one row.
  event_id   text   NOT NULL UNIQUE,
  topic      text   NOT NULL,
  record_key text   NOT NULL,
  value      bytea,
  -- [[name, base64 of the raw bytes], ...]: an array keeps header order, base64 keeps bytes exact.
  headers    jsonb  NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
-- What the relay scans: only the unsent rows, in id order.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Wakes a listening relay as soon as outbox rows commit (NOTIFY is delivered at commit, and repeated
-- notifications within one transaction collapse into one), so it need not poll fast.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ecris_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
