-- notification-in keeps every NOT it receives exactly as received (FD Art. 5(1), FRA 2020 s.2: store
-- what is notified). One row per ECRIS message id: a second delivery of the same message, even under
-- another ce_id (a gateway retry), finds the row and causes nothing.
CREATE SCHEMA IF NOT EXISTS notification_in;

CREATE TABLE notification_in.received_notifications (
  message_id     text PRIMARY KEY,
  sender_state   text NOT NULL,
  -- ACKNOWLEDGED (NRS success, sent on for translation), NOT_A_NATIONAL (NRS problem code, not
  -- recorded further) or REJECTED (failed validation, answered with a FEM).
  outcome        text NOT NULL CHECK (outcome IN ('ACKNOWLEDGED', 'NOT_A_NATIONAL', 'REJECTED')),
  -- The id of the NRS or FEM we answered with.
  reply_message_id text NOT NULL,
  -- The record exactly as it came off the log (Avro single-object bytes), and where.
  raw_value      bytea NOT NULL,
  event_id       text NOT NULL,
  source_topic   text NOT NULL,
  source_partition integer NOT NULL,
  source_offset  bigint NOT NULL,
  -- The header timestamp the sender gave; received_at is when we committed it.
  sent_at        text NOT NULL,
  received_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX received_notifications_received_at ON notification_in.received_notifications (received_at);
