-- notification-out's state (services/notification-out/README.md). Everything lives in the schema
-- notification_out, so services sharing one database never meet in a table.
CREATE SCHEMA IF NOT EXISTS notification_out;

-- Each UK conviction from the court feed. `conviction` is the court record as it now stands; it is NULL
-- while nobody is to be notified of it (no EU nationality), so we keep no personal data for it.
CREATE TABLE notification_out.convictions (
  conviction_reference text PRIMARY KEY,
  ecris_conviction_id  text NOT NULL UNIQUE,
  conviction           jsonb,
  -- Decisions after the judgment (amendments, removal) in the order recorded: each becomes a Decision
  -- in every later NOT.
  later_decisions      jsonb NOT NULL DEFAULT '[]',
  recorded_at          timestamptz NOT NULL,
  removed              boolean NOT NULL DEFAULT false,
  -- Each write adds one; a write expecting another version is refused (and the record retried).
  version              integer NOT NULL CHECK (version > 0),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Each NOT we sent or hold, per conviction and receiving state.
CREATE TABLE notification_out.notifications (
  message_id           text PRIMARY KEY,
  conviction_reference text NOT NULL REFERENCES notification_out.convictions,
  receiving_state      text NOT NULL,
  ecris_conviction_id  text NOT NULL,
  -- The first NOT to this state about this conviction: the Kafka key of everything that follows.
  exchange_id          text NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('INITIAL', 'UPDATE')),
  status               text NOT NULL CHECK (status IN ('HELD', 'SENT', 'ACKNOWLEDGED', 'PROBLEM', 'REJECTED', 'SUPERSEDED', 'WITHDRAWN')),
  -- The 28-day clock (FRA 2020 s.1(5), (7)): when it started, the last UK day in time, the rule applied.
  clock_started_at     timestamptz NOT NULL,
  due_on               date NOT NULL,
  deadline_rule        text NOT NULL,
  -- The record (ce_id) that created the row: one NOT per court event and state, whatever is redelivered.
  caused_by            text NOT NULL,
  resend_of            text REFERENCES notification_out.notifications,
  -- The person exactly as sent, to answer an RAI from what the other state was told. NULL until sent.
  person               jsonb,
  -- Why it is held: codes and field paths only.
  held_reasons         jsonb NOT NULL DEFAULT '[]',
  sent_at              timestamptz,
  -- The last NRS or FEM about it: its ECRIS id, codes (NRT-.. or FE-..) and when it came.
  answered_by          text,
  answer_codes         jsonb NOT NULL DEFAULT '[]',
  answered_at          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (caused_by, receiving_state)
);
CREATE INDEX notifications_of_conviction ON notification_out.notifications (conviction_reference, receiving_state);
-- What the gauges and the operator retries scan: the open ones only.
CREATE INDEX notifications_open ON notification_out.notifications (clock_started_at)
  WHERE status IN ('HELD', 'SENT', 'PROBLEM', 'REJECTED');

-- Operators' classifications of UK codes the data tables do not map (REVIEW_DECISION on ops.actions.v1).
CREATE TABLE notification_out.category_decisions (
  scheme        text NOT NULL CHECK (scheme IN ('offence', 'sentence')),
  national_code text NOT NULL,
  category      text NOT NULL,
  decided_by    text NOT NULL,
  action_id     text NOT NULL,
  decided_at    timestamptz NOT NULL,
  PRIMARY KEY (scheme, national_code)
);
