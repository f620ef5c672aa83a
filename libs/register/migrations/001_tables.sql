-- The national register of convictions (persons, UK convictions from the court feed, foreign
-- convictions notified over ECRIS), in its own schema. register-update is its only writer; request-in
-- reads it through @ecris/register. Countries are ISO 3166-1 alpha-2 codes throughout.
CREATE SCHEMA IF NOT EXISTS register;

CREATE TABLE register.persons (
  person_id       text PRIMARY KEY,
  forenames       jsonb NOT NULL,            -- ["Ana", "Maria"], as written
  surname         text  NOT NULL,
  second_surname  text,
  other_names     jsonb NOT NULL DEFAULT '[]'::jsonb,  -- former names and aliases, full names
  sex             text  NOT NULL CHECK (sex IN ('NOT_KNOWN', 'MALE', 'FEMALE')),
  -- ECRIS partial date: the year is always known.
  birth_year      integer NOT NULL CHECK (birth_year BETWEEN 1000 AND 9999),
  birth_month     integer CHECK (birth_month BETWEEN 1 AND 12),
  birth_day       integer CHECK (birth_day BETWEEN 1 AND 31 AND birth_month IS NOT NULL),
  birth_country   text,
  birth_town      text,
  nationalities   jsonb NOT NULL DEFAULT '[]'::jsonb,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);

-- The candidate search index: one row per (normalised, loosely folded) surname word and birth year.
-- A query is a handful of equality probes on the primary key's leading columns, so it stays an index
-- range scan of a few rows whatever the size of the register (libs/register/README.md, "Search").
CREATE TABLE register.person_name_keys (
  name_key   text    NOT NULL,
  birth_year integer NOT NULL,
  person_id  text    NOT NULL REFERENCES register.persons (person_id),
  PRIMARY KEY (name_key, birth_year, person_id)
);
CREATE INDEX person_name_keys_person ON register.person_name_keys (person_id);

-- PNC ids, national identity numbers and identity documents; value normalised (upper case, no
-- separators). country is '' for a PNC id so the key stays NOT NULL.
CREATE TABLE register.person_identifiers (
  kind      text NOT NULL CHECK (kind IN ('PNC_ID', 'NATIONAL_ID', 'ID_DOCUMENT')),
  country   text NOT NULL,
  value     text NOT NULL,
  raw_value text NOT NULL,
  person_id text NOT NULL REFERENCES register.persons (person_id),
  PRIMARY KEY (kind, country, value, person_id)
);
CREATE INDEX person_identifiers_person ON register.person_identifiers (person_id);

CREATE TABLE register.convictions (
  conviction_id        text PRIMARY KEY,
  -- NULL while a foreign conviction waits for its person to be identified (kept: FD Art. 5(1)).
  person_id            text REFERENCES register.persons (person_id),
  identification       text NOT NULL CHECK (identification IN ('MATCHED', 'AWAITING_IDENTIFICATION')),
  match_candidates     jsonb NOT NULL DEFAULT '[]'::jsonb,
  origin               text NOT NULL CHECK (origin IN ('UK', 'FOREIGN')),
  convicting_state     text NOT NULL,
  ecris_conviction_id  text,
  court_reference      text,
  source_message_id    text NOT NULL,
  is_transmittable     text NOT NULL CHECK (is_transmittable IN ('Yes', 'No', 'UNKNOWN')),
  recordable_equivalent text NOT NULL CHECK (recordable_equivalent IN ('YES', 'NO', 'UNKNOWN', 'NOT_APPLICABLE')),
  on_register          boolean NOT NULL,
  deleted              boolean NOT NULL DEFAULT false,
  deleted_at           timestamptz,
  deletion_reason      text,
  deletion_source      text,
  current_version      integer NOT NULL CHECK (current_version >= 1),
  notified_at          timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK ((origin = 'UK') = (court_reference IS NOT NULL)),
  CHECK ((origin = 'FOREIGN') = (ecris_conviction_id IS NOT NULL)),
  CHECK ((identification = 'MATCHED') = (person_id IS NOT NULL)),
  CHECK (deleted = (deleted_at IS NOT NULL))
);
CREATE INDEX convictions_person ON register.convictions (person_id);
CREATE UNIQUE INDEX convictions_court_reference ON register.convictions (court_reference) WHERE court_reference IS NOT NULL;
CREATE UNIQUE INDEX convictions_ecris_id ON register.convictions (convicting_state, ecris_conviction_id)
  WHERE ecris_conviction_id IS NOT NULL;
-- The operators' queue of foreign convictions whose person is still unknown.
CREATE INDEX convictions_awaiting_identification ON register.convictions (notified_at)
  WHERE identification = 'AWAITING_IDENTIFICATION';

-- Every change is a new version; nothing is overwritten. content is the whole conviction of that
-- version as received (and translated), so the history can always be shown as it was.
CREATE TABLE register.conviction_versions (
  conviction_id     text    NOT NULL REFERENCES register.convictions (conviction_id),
  version           integer NOT NULL CHECK (version >= 1),
  change            text    NOT NULL CHECK (change IN ('CREATED', 'REPLACED', 'SANCTIONS_VARIED', 'DELETED')),
  source_message_id text    NOT NULL,
  source_event_id   text    NOT NULL,
  applied_at        timestamptz NOT NULL,
  -- The version's conviction-level facts as columns (dates as ISO text: the same on pg and PGlite).
  conviction_date    text NOT NULL CHECK (conviction_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  final_date         text CHECK (final_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  deciding_authority text NOT NULL,
  file_number        text,
  is_transmittable   text NOT NULL CHECK (is_transmittable IN ('Yes', 'No', 'UNKNOWN')),
  non_criminal_ruling text NOT NULL CHECK (non_criminal_ruling IN ('Yes', 'No', 'UNKNOWN')),
  -- The whole ConvictionContent of the version, including the conviction as received.
  content           jsonb   NOT NULL,
  PRIMARY KEY (conviction_id, version)
);

-- Offences and sanctions of each version, as columns the disclosure queries can filter on.
CREATE TABLE register.offences (
  conviction_id         text    NOT NULL,
  version               integer NOT NULL,
  position              integer NOT NULL,
  offence_id            text    NOT NULL,
  ecris_category_ref    text,
  offence_code          text,
  title                 text    NOT NULL,
  titles                jsonb   NOT NULL,
  legal_provisions      text    NOT NULL,
  committed_from        jsonb,
  committed_to          jsonb,
  child_sexual_offence  boolean NOT NULL,
  recordable_equivalent text    NOT NULL CHECK (recordable_equivalent IN ('YES', 'NO', 'UNKNOWN', 'NOT_APPLICABLE')),
  on_register           boolean NOT NULL,
  PRIMARY KEY (conviction_id, version, position),
  FOREIGN KEY (conviction_id, version) REFERENCES register.conviction_versions (conviction_id, version)
);

CREATE TABLE register.sanctions (
  conviction_id      text    NOT NULL,
  version            integer NOT NULL,
  position           integer NOT NULL,
  sanction_id        text    NOT NULL,
  ecris_category_ref text,
  sanction_code      text,
  kind               text    NOT NULL CHECK (kind IN ('CUSTODY', 'SUSPENDED_CUSTODY', 'COMMUNITY', 'FINE', 'DISCHARGE', 'OTHER')),
  title              text    NOT NULL,
  titles             jsonb   NOT NULL,
  duration           text,
  suspended_for      text,
  start_date         text CHECK (start_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  end_date           text CHECK (end_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  fine_amount        numeric(17, 2),
  fine_currency      text,
  offence_ids        jsonb   NOT NULL,
  PRIMARY KEY (conviction_id, version, position),
  FOREIGN KEY (conviction_id, version) REFERENCES register.conviction_versions (conviction_id, version)
);

-- Updates from abroad that arrived before the conviction they change: an update NOT has its own
-- message id, so its own Kafka key, and can overtake the NOT it updates (e.g. while that one waits for
-- a human translation). Held here, not retried in place (which would block a partition the original
-- may be queued on), and applied in arrival order in the transaction that stores the conviction.
CREATE TABLE register.deferred_updates (
  convicting_state    text   NOT NULL,
  ecris_conviction_id text   NOT NULL,
  seq                 bigint GENERATED ALWAYS AS IDENTITY,
  source_message_id   text   NOT NULL,
  source_event_id     text   NOT NULL UNIQUE,
  received_at         timestamptz NOT NULL,
  payload             jsonb  NOT NULL,
  PRIMARY KEY (convicting_state, ecris_conviction_id, seq)
);
