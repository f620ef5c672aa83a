import { createHash } from 'node:crypto';
import { encodeOutbound, PgEffectLedger, type AvroCodec, type LedgerEntry, type OutboundMessage, type SqlDatabase, type SqlExecutor } from '@ecris/messaging';
import { keyOf } from '../domain/free-texts';
import type { MemoryEntry, PendingJob } from '../domain/translation-job';
import type { MemoryKey, TranslationState, TranslationWork } from '../ports';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** translation.memory and translation.pending_jobs, written through the exactly-once ledger and outbox. */
export class PgTranslationState implements TranslationState {
  private readonly ledger: PgEffectLedger;

  constructor(
    private readonly db: SqlDatabase,
    private readonly codec: AvroCodec,
    private readonly resolveTopic: (topic: string) => string,
  ) {
    this.ledger = new PgEffectLedger(db);
  }

  lookUp(keys: readonly MemoryKey[], targetLang: string): Promise<Map<string, string>> {
    return lookUp(this.db, keys, targetLang);
  }

  applyOnce(entry: LedgerEntry, effect: (work: TranslationWork) => Promise<readonly OutboundMessage[]>) {
    return this.ledger.applyOnce(entry, async (tx) => {
      const outputs = await effect(new PgTranslationWork(tx));
      return outputs.map((message) => encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) }));
    });
  }

  async openJobs(): Promise<number> {
    const { rows } = await this.db.query<{ open: string }>('SELECT count(*) AS open FROM translation.pending_jobs WHERE completed_at IS NULL');
    return Number(rows[0]?.open ?? 0);
  }
}

class PgTranslationWork implements TranslationWork {
  constructor(private readonly tx: SqlExecutor) {}

  lookUp(keys: readonly MemoryKey[], targetLang: string) {
    return lookUp(this.tx, keys, targetLang);
  }

  async remember(entries: readonly MemoryEntry[], targetLang: string, reviewedBy: string, reviewedAt: string, taskId: string): Promise<void> {
    for (const entry of entries) {
      // The latest review of a wording wins: an operator may correct an earlier translation.
      await this.tx.query(
        `INSERT INTO translation.memory (source_lang, target_lang, source_sha256, source_text, translated_text, reviewed_by, reviewed_at, task_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (source_lang, target_lang, source_sha256) DO UPDATE
           SET translated_text = EXCLUDED.translated_text, reviewed_by = EXCLUDED.reviewed_by,
               reviewed_at = EXCLUDED.reviewed_at, task_id = EXCLUDED.task_id`,
        [entry.sourceLang ?? '', targetLang, sha256(entry.sourceText), entry.sourceText, entry.translatedText, reviewedBy, reviewedAt, taskId],
      );
    }
  }

  async park(job: PendingJob & { exchangeId: string; raisedAt: string }): Promise<void> {
    // A replayed request finds its job parked already: the task stays the one first raised.
    await this.tx.query(
      `INSERT INTO translation.pending_jobs (translation_id, task_id, exchange_id, request, translated, raised_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (translation_id) DO NOTHING`,
      [job.request.translationId, job.taskId, job.exchangeId, JSON.stringify(job.request), JSON.stringify(job.translated), job.raisedAt],
    );
  }

  async openJob(taskId: string): Promise<(PendingJob & { exchangeId: string }) | undefined> {
    const { rows } = await this.tx.query<{ request: PendingJob['request']; translated: PendingJob['translated']; exchange_id: string }>(
      'SELECT request, translated, exchange_id FROM translation.pending_jobs WHERE task_id = $1 AND completed_at IS NULL FOR UPDATE',
      [taskId],
    );
    const row = rows[0];
    return row && { taskId, request: row.request, translated: row.translated, exchangeId: row.exchange_id };
  }

  async complete(taskId: string, at: string): Promise<void> {
    await this.tx.query('UPDATE translation.pending_jobs SET completed_at = $2 WHERE task_id = $1', [taskId, at]);
  }
}

/** Exact matches only; the text itself is compared too, not just its hash. */
async function lookUp(executor: SqlExecutor, keys: readonly MemoryKey[], targetLang: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const { rows } = await executor.query<{ source_lang: string; source_text: string; translated_text: string }>(
    `SELECT m.source_lang, m.source_text, m.translated_text
       FROM translation.memory m
       JOIN unnest($1::text[], $2::text[]) AS k(lang, digest) ON m.source_lang = k.lang AND m.source_sha256 = k.digest
      WHERE m.target_lang = $3`,
    [keys.map((k) => k.sourceLang ?? ''), keys.map((k) => sha256(k.sourceText)), targetLang],
  );
  const wanted = new Set(keys.map((k) => keyOf({ lang: k.sourceLang, text: k.sourceText })));
  for (const row of rows) {
    const key = keyOf({ lang: row.source_lang === '' ? null : row.source_lang, text: row.source_text });
    if (wanted.has(key)) found.set(key, row.translated_text);
  }
  return found;
}
