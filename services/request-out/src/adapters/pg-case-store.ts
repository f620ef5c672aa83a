/** The case store on PostgreSQL (or PGlite): schema request_out, migrations/001_request_out.sql. */
import type { SqlExecutor } from '@ecris/messaging';
import { PoisonError } from '@ecris/messaging';
import type { RequestCase } from '../domain/model';
import type { CaseStore, OpenDeadlineCount } from '../ports';

interface CaseRow {
  body: RequestCase;
  version: number;
}

export class PgCaseStore implements CaseStore {
  async lockCase(tx: SqlExecutor, requestId: string): Promise<RequestCase | undefined> {
    const { rows } = await tx.query<CaseRow>('SELECT body, version FROM request_out.cases WHERE request_id = $1 FOR UPDATE', [requestId]);
    return rows[0] ? { ...rows[0].body, version: rows[0].version } : undefined;
  }

  async readCase(db: SqlExecutor, requestId: string): Promise<RequestCase | undefined> {
    const { rows } = await db.query<CaseRow>('SELECT body, version FROM request_out.cases WHERE request_id = $1', [requestId]);
    return rows[0] ? { ...rows[0].body, version: rows[0].version } : undefined;
  }

  async requestIdOf(db: SqlExecutor, messageId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ request_id: string }>('SELECT request_id FROM request_out.message_index WHERE message_id = $1', [messageId]);
    return rows[0]?.request_id;
  }

  async save(tx: SqlExecutor, requestCase: RequestCase): Promise<RequestCase> {
    const next = { ...requestCase, version: requestCase.version + 1 };
    const body = JSON.stringify(next);
    if (requestCase.version === 0) {
      await tx.query(
        'INSERT INTO request_out.cases (request_id, agency_id, stage, version, body) VALUES ($1, $2, $3, $4, $5::jsonb)',
        [next.requestId, next.agencyId, next.stage, next.version, body],
      );
    } else {
      const { rowCount } = await tx.query(
        `UPDATE request_out.cases SET stage = $2, version = $3, body = $4::jsonb, updated_at = now()
          WHERE request_id = $1 AND version = $5`,
        [next.requestId, next.stage, next.version, body, requestCase.version],
      );
      // Callers hold the row lock, so only a bug (saving a case not read in this transaction) gets here.
      if (rowCount !== 1) throw new PoisonError('business', 'OUT_OF_ORDER', `case ${next.requestId} changed since it was read`);
    }
    await this.project(tx, next);
    return next;
  }

  /** The index of our ids and the open clocks, rebuilt from the case in the same transaction. */
  private async project(tx: SqlExecutor, requestCase: RequestCase): Promise<void> {
    const ids: [string, string][] = [];
    for (const exchange of requestCase.states) {
      ids.push([exchange.requestMessageId, 'REQ']);
      if (exchange.pendingTranslation) ids.push([exchange.pendingTranslation.translationId, 'TRANSLATION']);
    }
    for (const entry of requestCase.history) {
      if (entry.kind === 'ADDITIONAL_INFO_SENT' && entry.messageId) ids.push([entry.messageId, 'RAR']);
    }
    for (const [messageId, kind] of ids) {
      await tx.query(
        'INSERT INTO request_out.message_index (message_id, request_id, kind) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING',
        [messageId, requestCase.requestId, kind],
      );
    }
    await tx.query('DELETE FROM request_out.deadlines WHERE request_id = $1', [requestCase.requestId]);
    for (const exchange of requestCase.states) {
      const { deadline } = exchange;
      await tx.query(
        `INSERT INTO request_out.deadlines (deadline_id, request_id, request_message_id, due_on, unit, calendar, open, overdue_since)
         VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8::timestamptz)`,
        [
          deadline.deadlineId,
          requestCase.requestId,
          exchange.requestMessageId,
          deadline.dueDate,
          deadline.rule.unit,
          deadline.rule.calendar,
          exchange.status === 'AWAITING_ANSWER',
          deadline.overdueSince,
        ],
      );
    }
  }

  async listForAgency(db: SqlExecutor, agencyId: string, limit: number): Promise<{ requestId: string; stage: string; createdAt: string }[]> {
    const { rows } = await db.query<{ request_id: string; stage: string; created_at: Date | string }>(
      'SELECT request_id, stage, created_at FROM request_out.cases WHERE agency_id = $1 ORDER BY created_at DESC LIMIT $2',
      [agencyId, limit],
    );
    return rows.map((row) => ({ requestId: row.request_id, stage: row.stage, createdAt: new Date(row.created_at).toISOString() }));
  }

  async casesPastDue(db: SqlExecutor, today: string, limit: number): Promise<string[]> {
    const { rows } = await db.query<{ request_id: string }>(
      `SELECT DISTINCT request_id FROM request_out.deadlines
        WHERE open AND overdue_since IS NULL AND due_on < $1::date
        LIMIT $2`,
      [today, limit],
    );
    return rows.map((row) => row.request_id);
  }

  async openDeadlines(db: SqlExecutor): Promise<OpenDeadlineCount[]> {
    const { rows } = await db.query<{ due_on: string | Date; unit: string; calendar: string; overdue: boolean; n: string | number }>(
      `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on, unit, calendar, overdue_since IS NOT NULL AS overdue, count(*) AS n
         FROM request_out.deadlines WHERE open
        GROUP BY due_on, unit, calendar, overdue_since IS NOT NULL`,
    );
    return rows.map((row) => ({ dueDate: String(row.due_on), unit: row.unit, calendar: row.calendar, overdue: row.overdue, count: Number(row.n) }));
  }
}
