-- request-out's state: one case per agency request (what was asked, each state's exchange, the
-- answers), plus two projections of it kept in the same transaction: the ids that lead back to a
-- case, and the open deadlines the overdue check and the metrics scan.
CREATE SCHEMA IF NOT EXISTS request_out;

CREATE TABLE request_out.cases (
  request_id  text PRIMARY KEY,
  -- The owning agency: only it may read the case over HTTP.
  agency_id   text NOT NULL,
  -- SUBMITTED (taken in over HTTP, not yet sent), OPEN, COMPLETE or REJECTED.
  stage       text NOT NULL CHECK (stage IN ('SUBMITTED', 'OPEN', 'COMPLETE', 'REJECTED')),
  -- Goes up by one on every save; a save expecting another version is refused.
  version     integer NOT NULL CHECK (version > 0),
  -- The whole case as the domain sees it (services/request-out/src/domain/model.ts). It holds the
  -- person asked about: this table has the same access rules as the topics that carry them.
  body        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_by_agency ON request_out.cases (agency_id, created_at);

-- Ids we gave out that an answer refers back to: our REQ and RAR message ids, our translation ids.
CREATE TABLE request_out.message_index (
  message_id  text PRIMARY KEY,
  request_id  text NOT NULL REFERENCES request_out.cases (request_id),
  kind        text NOT NULL CHECK (kind IN ('REQ', 'RAR', 'TRANSLATION'))
);

-- The current clock of each state asked: open while no answer came. overdue_since is set once, by
-- the overdue check, so an overdue request raises its event and chaser once.
CREATE TABLE request_out.deadlines (
  deadline_id        text PRIMARY KEY,
  request_id         text NOT NULL REFERENCES request_out.cases (request_id),
  request_message_id text NOT NULL,
  due_on             date NOT NULL,
  unit               text NOT NULL,
  calendar           text NOT NULL,
  open               boolean NOT NULL,
  overdue_since      timestamptz
);
CREATE INDEX deadlines_to_check ON request_out.deadlines (due_on) WHERE open AND overdue_since IS NULL;
CREATE INDEX deadlines_by_request ON request_out.deadlines (request_id);
