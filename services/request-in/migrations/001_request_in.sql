-- request-in's state: every request received from another state and what became of it, in schema
-- request_in. One row per ECRIS request id: a second delivery of the same REQ finds it and does nothing.
CREATE SCHEMA IF NOT EXISTS request_in;

CREATE TABLE request_in.requests (
  request_id                 text PRIMARY KEY,            -- the REQ's ECRIS message id (the exchange id)
  requesting_state           text NOT NULL,               -- ECRIS wire code
  status                     text NOT NULL CHECK (status IN ('REJECTED', 'AWAITING_ADDITIONAL_INFO', 'ANSWERED', 'CANCELLED')),
  received_at                timestamptz NOT NULL,
  due_on                     date,                        -- the RDL's date; null when rejected with a FEM
  deadline_rule              text,                        -- @ecris/deadlines rule id
  purpose_category_ref       text,
  purpose                    text,                        -- purpose class, null when the P-code is not recognised
  uk_national                boolean,
  additional_info_request_id text UNIQUE,                 -- our RAI, when we asked for identifiers
  response_message_id        text,                        -- our RRS (or FEM for a rejected request)
  response_type_ref          text,
  outcome                    text,                        -- DENIED, NO_RECORD, CONVICTIONS, MULTIPLE_PEOPLE_FOUND, REJECTED
  answered_at                timestamptz,
  overdue_since              timestamptz,
  cancelled_by               text,                        -- the CAN's ECRIS id
  person                     jsonb,                       -- the requested person as received, to search again after an RAR
  cause                      jsonb NOT NULL,              -- the REQ record's CloudEvents meta: later outputs derive their ids from it
  updated_at                 timestamptz NOT NULL
);
CREATE INDEX requests_open ON request_in.requests (due_on) WHERE status = 'AWAITING_ADDITIONAL_INFO';

-- What each answer disclosed or withheld, and why (ecris.md scenario 26: who asked, for which purpose,
-- what was sent, on what basis). Conviction ids are the register's; no personal data here.
CREATE TABLE request_in.disclosures (
  request_id    text NOT NULL REFERENCES request_in.requests (request_id),
  conviction_id text NOT NULL,
  decision      text NOT NULL CHECK (decision IN ('DISCLOSED', 'WITHHELD')),
  reason        text,                                      -- DELETED, SPENT, NOT_TRANSMITTABLE when withheld
  PRIMARY KEY (request_id, conviction_id)
);
