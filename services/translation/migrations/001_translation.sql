-- The translation service's state. Effects go through the shared exactly-once ledger (inbox,
-- partition_progress, outbox); these are translation's own tables.
CREATE SCHEMA IF NOT EXISTS translation;

-- Translations a person reviewed, for exact reuse (the first link of the chain). Keyed by a hash of
-- the source text: remarks run to 4000 characters, more than a btree key may hold.
CREATE TABLE translation.memory (
  source_lang     text NOT NULL,   -- ISO 639-1, '' when the sender declared none
  target_lang     text NOT NULL,
  source_sha256   text NOT NULL,
  source_text     text NOT NULL,
  translated_text text NOT NULL,
  reviewed_by     text NOT NULL,   -- operator id, never a name
  reviewed_at     timestamptz NOT NULL,
  task_id         text,
  PRIMARY KEY (source_lang, target_lang, source_sha256)
);

-- Jobs waiting for a person (a review task is open), kept once completed for the record.
CREATE TABLE translation.pending_jobs (
  translation_id text PRIMARY KEY,
  task_id        text NOT NULL UNIQUE,
  exchange_id    text NOT NULL,
  -- The TranslationRequested value (without meta) and the translations found before the task was raised.
  request        jsonb NOT NULL,
  translated     jsonb NOT NULL,
  raised_at      timestamptz NOT NULL,
  completed_at   timestamptz
);

CREATE INDEX pending_jobs_open ON translation.pending_jobs (raised_at) WHERE completed_at IS NULL;
