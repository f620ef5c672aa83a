/**
 * `ecris-ops reconcile --date D [--now T]`: every conviction recorded on UK day D of a person with an
 * EU nationality (courts.convictions.v1, decoded) against the NOTs sent for it per state
 * (ecris.outbound.v1, found by their cause: the court event) and what those states answered
 * (ecris.inbound.v1, in the NOT's exchange). The audit index finds the records; the log gives their
 * values. Exits 4 when anything is overdue (reconciliation.ts says what counts).
 * Court events are looked for by ce_time from the day before D to two days after it, then kept by the
 * day their recordedAt falls on. A NOT held for an operator's decision and released later has the
 * decision as its cause, not the court event, so it is not found here: its state shows as MISSING.
 */
import { SchemaNames, type ConvictionRecorded, type FunctionalError, type Notification, type NotificationResponse } from '@ecris/contracts';
import { deadlineFor, ukDateOf } from '@ecris/deadlines';
import { euStatesToNotify, loadReferenceData, referenceDataDirs, type ReferenceData } from '@ecris/reference-data';
import type { ConsumedRecord } from '@ecris/messaging';
import { AuditIndex, coordinatesOf, type AuditRow } from '../audit-index';
import type { Command, CommonOptions } from '../cli';
import type { OpsContext } from '../context';
import { EXIT } from '../errors';
import { table } from '../output';
import {
  reconcileNotifications,
  type ConvictionToNotify,
  type NotificationAnswer,
  type ReconciliationLine,
  type SentNotification,
} from '../reconciliation';

type ReconcileCommand = Extract<Command, { name: 'reconcile' }>;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function reconcile(command: ReconcileCommand, _common: CommonOptions, context: OpsContext): Promise<number> {
  const index = new AuditIndex(await context.database(), context.namespace);
  const reference = loadReferenceData(referenceDataDirs(context.env));
  const today = ukDateOf(command.now ?? context.now());
  const progress = context.out.progress('reconciling', 3);

  const dayStart = new Date(`${command.date}T00:00:00Z`);
  const eventRows = unique(
    await index.recordsOfType(context.topic('courts.convictions.v1'), SchemaNames.convictionRecorded, new Date(dayStart.getTime() - DAY_MS), new Date(dayStart.getTime() + 3 * DAY_MS)),
  );
  const events = await decodeRows<ConvictionRecorded>(context, eventRows);
  const convictions = events.flatMap(({ row, value }) => convictionOf(row, value, command.date, reference));
  progress.advance(1);

  const notRows = unique(await index.causedBy(context.topic('ecris.outbound.v1'), convictions.map((c) => c.eventId))).filter(
    (row) => row.valueSchema === SchemaNames.notification,
  );
  const exchangeRows = unique((await Promise.all([...new Set(notRows.map((row) => row.correlationId))].map((id) => index.exchange(id)))).flat());
  const outbound = exchangeRows.filter((row) => row.topic === context.topic('ecris.outbound.v1') && row.valueSchema === SchemaNames.notification);
  const inbound = exchangeRows.filter(
    (row) => row.topic === context.topic('ecris.inbound.v1') && (row.valueSchema === SchemaNames.notificationResponse || row.valueSchema === SchemaNames.functionalError),
  );
  const notifications = (await decodeRows<Notification>(context, outbound)).map(({ row, value }) => sentOf(row, value));
  progress.advance(1);
  const answers = (await decodeRows<NotificationResponse | FunctionalError>(context, inbound)).map(({ row, value }) => answerOf(row, value));
  progress.advance(1);
  progress.done();

  const lines = reconcileNotifications(convictions, notifications, answers, today, (state, recordedOn) =>
    deadlineFor({ direction: 'notification-out', legalBasis: 'tca', state }, recordedOn).dueDate,
  );
  report(context, command.date, today, convictions.length, lines);
  return lines.some((line) => line.overdue) ? EXIT.overdue : EXIT.ok;
}

/** One row per ce_id: a replayed copy of a court event or NOT is the same event, not another one. */
function unique(rows: readonly AuditRow[]): AuditRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !row.replayOf && !seen.has(row.ceId) && seen.add(row.ceId));
}

async function decodeRows<T>(context: OpsContext, rows: readonly AuditRow[]): Promise<{ row: AuditRow; value: T }[]> {
  if (rows.length === 0) return [];
  const records = await (await context.reader()).fetch(rows);
  return rows.flatMap((row) => {
    const record: ConsumedRecord | undefined = records.get(coordinatesOf(row));
    if (!record) {
      context.out.note(`note: ${coordinatesOf(row)} is indexed but no longer on the log; left out`);
      return [];
    }
    try {
      return [{ row, value: context.codec.decode<T>(record.value).value }];
    } catch {
      context.out.note(`note: ${coordinatesOf(row)} does not decode; left out`);
      return [];
    }
  });
}

/** The conviction, if recorded on the day and its person has an EU nationality. */
function convictionOf(row: AuditRow, event: ConvictionRecorded, day: string, reference: ReferenceData): ConvictionToNotify[] {
  const recordedOn = ukDateOf(event.recordedAt);
  if (recordedOn !== day) return [];
  // The same rule notification-out sends by (libs/reference-data), so the two can never disagree.
  const states = euStatesToNotify(event.conviction.person.nationalities, reference, recordedOn);
  return states.length === 0 ? [] : [{ convictionReference: event.convictionReference, eventId: row.ceId, recordedOn, states }];
}

function sentOf(row: AuditRow, not: Notification): SentNotification {
  return {
    coordinates: coordinatesOf(row),
    causationId: row.causationId,
    exchangeId: row.correlationId,
    messageId: not.header.messageId,
    receiver: not.header.receiver,
    time: row.recordTime,
    sentOn: ukDateOf(row.recordTime),
  };
}

function answerOf(row: AuditRow, value: NotificationResponse | FunctionalError): NotificationAnswer {
  return {
    coordinates: coordinatesOf(row),
    exchangeId: row.correlationId,
    kind: row.valueSchema === SchemaNames.functionalError ? 'FEM' : 'NRS',
    responseTo: value.header.responseTo,
    responseType: 'responseTypeRef' in value ? value.responseTypeRef : null,
    time: row.recordTime,
  };
}

function report(context: OpsContext, date: string, today: string, convictions: number, lines: readonly ReconciliationLine[]): void {
  const count = (status: string) => lines.filter((line) => line.status === status).length;
  const problems = lines.filter((line) => line.status !== 'ACKNOWLEDGED');
  const overdue = lines.filter((line) => line.overdue).length;
  context.out.result(
    {
      date,
      today,
      convictions,
      notificationsOwed: lines.length,
      acknowledged: count('ACKNOWLEDGED'),
      unacknowledged: count('UNACKNOWLEDGED'),
      missing: count('MISSING'),
      rejected: count('REJECTED'),
      problem: count('PROBLEM'),
      overdue,
      lines,
    },
    () => [
      ...table(
        ['CONVICTION', 'STATE', 'STATUS', 'NOT', 'DUE', 'NOTE'],
        problems.map((line) => [
          line.convictionReference,
          line.state,
          line.overdue ? context.out.alert(`${line.status} OVERDUE`) : line.status,
          line.messageId ?? '-',
          line.dueOn,
          `${line.detail}${line.late ? '; sent after the due day' : ''}`,
        ]),
      ),
      '',
      `${date}: ${convictions} convictions of EU nationals owe ${lines.length} notifications; ${count('ACKNOWLEDGED')} acknowledged, ` +
        `${count('UNACKNOWLEDGED')} unacknowledged, ${count('MISSING')} missing, ${count('REJECTED')} rejected, ${count('PROBLEM')} with a problem; ` +
        `${overdue} overdue on ${today}`,
    ],
  );
}
