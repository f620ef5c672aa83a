/**
 * NotificationStore on the notification_out schema, inside the ledger's transaction. Same SQL on
 * PostgreSQL and PGlite. Times are read back as ISO instants in UTC and days as YYYY-MM-DD, so the
 * domain compares strings, not driver-specific Date objects.
 */
import { chunksOf, PoisonError, TransientError, valuesList, type SqlExecutor } from '@ecris/messaging';
import type { CategoryDecision, ConvictionState, NotificationRecord, Plan } from '../domain/model';
import type { NotificationStore } from '../ports';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CONVICTION_COLUMNS = `conviction_reference, ecris_conviction_id, conviction, later_decisions,
  ${iso('recorded_at')} AS recorded_at, removed, version`;

const NOTIFICATION_COLUMNS = `message_id, conviction_reference, receiving_state, ecris_conviction_id, exchange_id, kind, status,
  ${iso('clock_started_at')} AS clock_started_at, due_on::text AS due_on, deadline_rule, caused_by, resend_of, person, held_reasons,
  ${iso('sent_at')} AS sent_at, answered_by, answer_codes, ${iso('answered_at')} AS answered_at`;

interface ConvictionRow {
  conviction_reference: string;
  ecris_conviction_id: string;
  conviction: ConvictionState['conviction'];
  later_decisions: ConvictionState['laterDecisions'];
  recorded_at: string;
  removed: boolean;
  version: number;
}

interface NotificationRow {
  message_id: string;
  conviction_reference: string;
  receiving_state: string;
  ecris_conviction_id: string;
  exchange_id: string;
  kind: NotificationRecord['kind'];
  status: NotificationRecord['status'];
  clock_started_at: string;
  due_on: string;
  deadline_rule: string;
  caused_by: string;
  resend_of: string | null;
  person: NotificationRecord['person'];
  held_reasons: NotificationRecord['heldReasons'];
  sent_at: string | null;
  answered_by: string | null;
  answer_codes: string[];
  answered_at: string | null;
}

function toConviction(row: ConvictionRow): ConvictionState {
  return {
    convictionReference: row.conviction_reference,
    ecrisConvictionId: row.ecris_conviction_id,
    conviction: row.conviction,
    laterDecisions: row.later_decisions,
    recordedAt: row.recorded_at,
    removed: row.removed,
    version: Number(row.version),
  };
}

function toNotification(row: NotificationRow): NotificationRecord {
  return {
    messageId: row.message_id,
    convictionReference: row.conviction_reference,
    receivingState: row.receiving_state,
    ecrisConvictionId: row.ecris_conviction_id,
    exchangeId: row.exchange_id,
    kind: row.kind,
    status: row.status,
    clockStartedAt: row.clock_started_at,
    dueOn: row.due_on,
    deadlineRule: row.deadline_rule,
    causedBy: row.caused_by,
    resendOf: row.resend_of,
    person: row.person,
    heldReasons: row.held_reasons,
    sentAt: row.sent_at,
    answeredBy: row.answered_by,
    answerCodes: row.answer_codes,
    answeredAt: row.answered_at,
  };
}

const json = (value: unknown) => JSON.stringify(value);
const UNIQUE_VIOLATION = '23505';
const NOTIFICATION_CASTS = ['', '', '', '', '', '', '', '', '::date', '', '', '', '::jsonb', '::jsonb', '', '', '::jsonb', ''];
const CONVICTION_CASTS = ['', '', '::jsonb', '::jsonb', '', '', ''];

function convictionValues(state: ConvictionState): unknown[] {
  return [
    state.convictionReference,
    state.ecrisConvictionId,
    state.conviction === null ? null : json(state.conviction),
    json(state.laterDecisions),
    state.recordedAt,
    state.removed,
    state.version,
  ];
}

function notificationValues(row: NotificationRecord): unknown[] {
  return [
    row.messageId,
    row.convictionReference,
    row.receivingState,
    row.ecrisConvictionId,
    row.exchangeId,
    row.kind,
    row.status,
    row.clockStartedAt,
    row.dueOn,
    row.deadlineRule,
    row.causedBy,
    row.resendOf,
    ...changeableValues(row),
  ];
}

/** The columns a NOT's later life changes (sending, answers), in the order both the insert and the update list them. */
function changeableValues(row: NotificationRecord): unknown[] {
  return [row.person === null ? null : json(row.person), json(row.heldReasons), row.sentAt, row.answeredBy, json(row.answerCodes), row.answeredAt];
}

export class PgNotificationStore implements NotificationStore {
  constructor(private readonly tx: SqlExecutor) {}

  async conviction(convictionReference: string): Promise<ConvictionState | undefined> {
    const { rows } = await this.tx.query<ConvictionRow>(
      `SELECT ${CONVICTION_COLUMNS} FROM notification_out.convictions WHERE conviction_reference = $1 FOR UPDATE`,
      [convictionReference],
    );
    return rows[0] ? toConviction(rows[0]) : undefined;
  }

  async notificationsOf(convictionReference: string): Promise<NotificationRecord[]> {
    return (await this.notificationsOfEach([convictionReference])).get(convictionReference) ?? [];
  }

  /** Each of these convictions (locked), by reference; one statement for them all. */
  async convictionsByReference(references: readonly string[]): Promise<Map<string, ConvictionState>> {
    const { rows } = await this.tx.query<ConvictionRow>(
      `SELECT ${CONVICTION_COLUMNS} FROM notification_out.convictions
        WHERE conviction_reference = ANY($1::text[]) ORDER BY conviction_reference FOR UPDATE`,
      [[...references]],
    );
    return new Map(rows.map((row) => [row.conviction_reference, toConviction(row)]));
  }

  /** The NOTs (locked) of each of these convictions, oldest first; one statement for them all. */
  async notificationsOfEach(references: readonly string[]): Promise<Map<string, NotificationRecord[]>> {
    const { rows } = await this.tx.query<NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification_out.notifications
        WHERE conviction_reference = ANY($1::text[]) ORDER BY conviction_reference, written_seq FOR UPDATE`,
      [[...references]],
    );
    const byReference = new Map<string, NotificationRecord[]>();
    for (const row of rows) {
      const held = byReference.get(row.conviction_reference) ?? [];
      held.push(toNotification(row));
      byReference.set(row.conviction_reference, held);
    }
    return byReference;
  }

  async notification(messageId: string): Promise<NotificationRecord | undefined> {
    const { rows } = await this.tx.query<NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification_out.notifications WHERE message_id = $1 FOR UPDATE`,
      [messageId],
    );
    return rows[0] ? toNotification(rows[0]) : undefined;
  }

  async heldNotifications(): Promise<NotificationRecord[]> {
    const { rows } = await this.tx.query<NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification_out.notifications
        WHERE status = 'HELD' ORDER BY conviction_reference, written_seq FOR UPDATE`,
    );
    return rows.map(toNotification);
  }

  async categoryDecisions(offenceCodes: readonly string[], disposalCodes: readonly string[]): Promise<CategoryDecision[]> {
    if (offenceCodes.length + disposalCodes.length === 0) return [];
    const { rows } = await this.tx.query<{
      scheme: CategoryDecision['scheme'];
      national_code: string;
      category: string;
      decided_by: string;
      action_id: string;
      decided_at: string;
    }>(
      `SELECT scheme, national_code, category, decided_by, action_id, ${iso('decided_at')} AS decided_at
         FROM notification_out.category_decisions
        WHERE (scheme = 'offence' AND national_code IN (SELECT jsonb_array_elements_text($1::jsonb)))
           OR (scheme = 'sentence' AND national_code IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
      [json(offenceCodes), json(disposalCodes)],
    );
    return rows.map((row) => ({
      scheme: row.scheme,
      nationalCode: row.national_code,
      category: row.category,
      decidedBy: row.decided_by,
      actionId: row.action_id,
      decidedAt: row.decided_at,
    }));
  }

  async write(plan: Plan): Promise<void> {
    if (plan.conviction) await this.writeConviction(plan.conviction);
    await this.insertNotifications(plan.inserted);
    for (const row of plan.updated) await this.update(row);
    if (plan.categoryDecision) await this.writeCategoryDecision(plan.categoryDecision);
  }

  /** New convictions (version 1), in one statement. One that exists already is a race: retried. */
  async insertConvictions(states: readonly ConvictionState[]): Promise<void> {
    for (const chunk of chunksOf(states)) {
      const { rowCount } = await this.tx.query(
        `INSERT INTO notification_out.convictions
           (conviction_reference, ecris_conviction_id, conviction, later_decisions, recorded_at, removed, version)
         VALUES ${valuesList(chunk.length, CONVICTION_CASTS)}
         ON CONFLICT (conviction_reference) DO NOTHING`,
        chunk.flatMap(convictionValues),
      );
      if (rowCount !== chunk.length) {
        throw new TransientError('CONVICTION_VERSION_CONFLICT', `${chunk.length - rowCount} new conviction(s) were written meanwhile; retrying`);
      }
    }
  }

  /** New NOTs, in one statement (per 500), in the order given: that is their `written_seq` order. */
  async insertNotifications(rows: readonly NotificationRecord[]): Promise<void> {
    for (const chunk of chunksOf(rows)) {
      try {
        await this.tx.query(
          `INSERT INTO notification_out.notifications
             (message_id, conviction_reference, receiving_state, ecris_conviction_id, exchange_id, kind, status,
              clock_started_at, due_on, deadline_rule, caused_by, resend_of, person, held_reasons, sent_at,
              answered_by, answer_codes, answered_at)
           VALUES ${valuesList(chunk.length, NOTIFICATION_CASTS)}`,
          chunk.flatMap(notificationValues),
        );
      } catch (err) {
        // The inbox already made each input unique, so a clash here is two inputs deriving the same
        // 15-digit serial: never overwrite a NOT that exists; an operator must look.
        if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) {
          const ids = chunk.map((row) => row.messageId).join(', ');
          throw new PoisonError('business', 'MESSAGE_ID_COLLISION', `a derived message id (of ${ids}) is already taken`, { cause: err });
        }
        throw err;
      }
    }
  }

  /**
   * Guarded by version: the row was read FOR UPDATE in this transaction, so a mismatch means another
   * writer got in first (a bug or a race we did not foresee); retrying re-reads and decides again.
   */
  private async writeConviction(state: ConvictionState): Promise<void> {
    if (state.version === 1) return this.insertConvictions([state]);
    const { rowCount } = await this.tx.query(
      `UPDATE notification_out.convictions
          SET ecris_conviction_id = $2, conviction = $3::jsonb, later_decisions = $4::jsonb, recorded_at = $5,
              removed = $6, version = $7, updated_at = now()
        WHERE conviction_reference = $1 AND version = $7 - 1`,
      convictionValues(state),
    );
    if (rowCount !== 1) {
      throw new TransientError('CONVICTION_VERSION_CONFLICT', `conviction ${state.convictionReference} changed under us; retrying`);
    }
  }

  private async update(row: NotificationRecord): Promise<void> {
    const { rowCount } = await this.tx.query(
      `UPDATE notification_out.notifications
          SET status = $2, person = $3::jsonb, held_reasons = $4::jsonb, sent_at = $5, answered_by = $6,
              answer_codes = $7::jsonb, answered_at = $8, updated_at = now()
        WHERE message_id = $1`,
      [row.messageId, row.status, ...changeableValues(row)],
    );
    if (rowCount !== 1) throw new Error(`notification ${row.messageId} to update does not exist`);
  }

  private async writeCategoryDecision(decision: CategoryDecision): Promise<void> {
    await this.tx.query(
      `INSERT INTO notification_out.category_decisions (scheme, national_code, category, decided_by, action_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scheme, national_code) DO UPDATE
         SET category = EXCLUDED.category, decided_by = EXCLUDED.decided_by, action_id = EXCLUDED.action_id,
             decided_at = EXCLUDED.decided_at`,
      [decision.scheme, decision.nationalCode, decision.category, decision.decidedBy, decision.actionId, decision.decidedAt],
    );
  }
}
