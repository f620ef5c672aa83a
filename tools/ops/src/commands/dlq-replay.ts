/**
 * `ecris-ops dlq replay`: puts dead letters back on their original topics (reliability.md, "Replay").
 * - Selected from the audit index (coordinates, a filter, or all); a parked record brings the dead
 *   letter it waits behind with it, and each group's chain goes back in dead-letter order, so the
 *   blocker is re-driven (and its key released) before what was parked behind it.
 * - Each dead letter is read from the log and its value checked against dlq-payload-sha256; if any does
 *   not match, nothing is replayed.
 * - The unchanged key and value go to dlq-original-topic with the original headers minus the dlq-*
 *   provenance, marked replay-id / replay-of / replay-of-original / replay-by / replay-reason.
 *   Nothing is deleted from the DLQ: the audit index shows each one's replays.
 * - "Already applied" means the group's exactly-once inbox holds the record's ce_id: its effect is
 *   committed, so the consumer will skip the copy. The inbox, not the audit index, is the judge: a
 *   replay the index shows may have failed again, but an inbox row exists only once the effect did.
 *   Such records are still replayed when selected (harmless, and a replay is what was asked for).
 * - Recorded on ops.actions.v1 (REPLAY, or REPLAY_DRY_RUN for --dry-run) before anything is sent.
 */
import { DLQ_HEADERS, headerText, type ConsumedRecord, type RawOutboundRecord } from '@ecris/messaging';
import { appliedEventIds, AuditIndex, coordinatesOf, type AuditRow } from '../audit-index';
import { requireOperator, requireReason, requireRight } from '../authorisation';
import type { Command, CommonOptions } from '../cli';
import type { OpsContext } from '../context';
import { payloadIntact } from '../decoding';
import { CliError, EXIT } from '../errors';
import { recordAction } from '../operator-actions';
import { table } from '../output';
import { parseCoordinates } from '../positions';
import { replayHeaders, sendThrottled, Throttle } from '../replay-records';
import { deadLetterFilter } from './dlq-list';

type DlqReplayCommand = Extract<Command, { name: 'dlq-replay' }>;

interface Planned {
  readonly letter: AuditRow;
  readonly record: ConsumedRecord;
  readonly original: string;
  /** Added because a selected record is parked behind it. */
  readonly addedAsBlocker: boolean;
  applied: boolean | undefined;
  readonly replayedBefore: number;
}

export async function dlqReplay(command: DlqReplayCommand, common: CommonOptions, context: OpsContext): Promise<number> {
  const doing = command.dryRun ? 'a replay dry run' : 'a replay';
  const operator = requireOperator(context.operator, doing);
  const reason = requireReason(common.reason, doing);
  if (!command.dryRun) requireRight(context.operators, operator, 'replay', doing);

  const db = await context.database();
  const index = new AuditIndex(db, context.namespace);
  const selected = await select(command, context, index);
  const withBlockers = await addBlockers(selected, index);
  const plan = await fetchAndVerify(withBlockers, context);
  const appliedKnown = await markApplied(plan, db);
  const alreadyApplied = plan.filter((p) => p.applied).length;

  const action = await recordAction(context, {
    action: command.dryRun ? 'REPLAY_DRY_RUN' : 'REPLAY',
    type: command.dryRun ? 'uk.ecris.ops.replay-dry-run.v1' : 'uk.ecris.ops.replay.v1',
    actor: operator,
    reason,
    exchangeId: singleExchange(plan),
    targets: plan.map((p) => ({ topic: p.letter.topic, partition: p.letter.partition, offset: p.letter.offset })),
    details: {
      command: 'dlq replay',
      records: String(plan.length),
      alreadyApplied: appliedKnown ? String(alreadyApplied) : 'unknown',
      blockersAdded: String(plan.filter((p) => p.addedAsBlocker).length),
      groups: [...new Set(plan.map((p) => p.letter.dlq?.group ?? ''))].join(','),
    },
    ticketReference: common.ticket ?? null,
  });

  if (!command.dryRun) {
    const records: RawOutboundRecord[] = plan.map((p) => ({
      topic: parseCoordinates(p.original).topic,
      key: p.record.key,
      value: p.record.value,
      headers: replayHeaders(p.record.headers, {
        replayId: action.actionId,
        replayOf: coordinatesOf(p.letter),
        replayOfOriginal: p.original,
        replayBy: operator,
        reason,
      }),
    }));
    const progress = context.out.progress('replaying', records.length);
    await sendThrottled(await context.sender(), records, new Throttle(command.rate), progress);
    progress.done();
  }
  report(context, plan, { dryRun: command.dryRun, actionId: action.actionId, appliedKnown, alreadyApplied });
  return EXIT.ok;
}

async function select(command: DlqReplayCommand, context: OpsContext, index: AuditIndex) {
  if (command.selection.kind === 'filter') return index.deadLetters(deadLetterFilter(command.selection.filter, context));
  const wanted = command.selection.list.map((c) => coordinatesOf({ ...c, topic: context.qualifyTopic(c.topic) }));
  const found = await index.deadLetters({ coordinates: wanted });
  const missing = wanted.filter((name) => !found.some((letter) => coordinatesOf(letter) === name));
  if (missing.length > 0) {
    throw new CliError(`not dead letters in the audit index: ${missing.join(', ')} (is audit-index running and caught up?)`);
  }
  return found;
}

/** A parked record is useless replayed alone: its key stays parked until the dead letter it waits behind is re-driven. */
async function addBlockers(letters: readonly (AuditRow & { replays: number })[], index: AuditIndex) {
  const chosen = new Map(letters.map((letter) => [coordinatesOf(letter), { letter, addedAsBlocker: false }]));
  const originalOf = (row: AuditRow) => `${row.dlq?.group}|${row.dlq?.originalTopic}:${row.dlq?.originalPartition}:${row.dlq?.originalOffset}`;
  const originals = new Set(letters.map(originalOf));
  for (const letter of letters) {
    const blocker = letter.dlq?.parkedBehind;
    const group = letter.dlq?.group;
    if (!blocker || !group || originals.has(`${group}|${blocker}`)) continue;
    const found = await index.deadLetterOfOriginal(group, blocker);
    if (!found) continue; // never dead-lettered here (another namespace, or pruned): the runner will park it again
    const withReplays = (await index.deadLetters({ coordinates: [coordinatesOf(found)] }))[0] ?? { ...found, replays: 0 };
    chosen.set(coordinatesOf(found), { letter: withReplays, addedAsBlocker: true });
    originals.add(`${group}|${blocker}`);
  }
  // Dead-letter order within each DLQ partition: a blocker was dead-lettered before what parked behind it.
  return [...chosen.values()].sort(
    (a, b) =>
      a.letter.topic.localeCompare(b.letter.topic) ||
      a.letter.partition - b.letter.partition ||
      Number(BigInt(a.letter.offset) - BigInt(b.letter.offset)),
  );
}

async function fetchAndVerify(
  chosen: readonly { letter: AuditRow & { replays: number }; addedAsBlocker: boolean }[],
  context: OpsContext,
): Promise<Planned[]> {
  if (chosen.length === 0) return [];
  const records = await (await context.reader()).fetch(chosen.map(({ letter }) => letter));
  const problems: string[] = [];
  const plan: Planned[] = [];
  for (const { letter, addedAsBlocker } of chosen) {
    const name = coordinatesOf(letter);
    const record = records.get(name);
    if (!record) {
      problems.push(`${name}: not on the log`);
      continue;
    }
    const topic = headerText(record.headers, DLQ_HEADERS.originalTopic);
    const partition = headerText(record.headers, DLQ_HEADERS.originalPartition);
    const offset = headerText(record.headers, DLQ_HEADERS.originalOffset);
    if (!topic || !partition || !offset) {
      problems.push(`${name}: no dlq-original-topic/-partition/-offset, so no known place to return it to`);
      continue;
    }
    if (!payloadIntact(record)) {
      problems.push(`${name}: value does not match dlq-payload-sha256`);
      continue;
    }
    const original = `${topic}:${partition}:${offset}`;
    if (!/^[A-Za-z0-9._-]+:[0-9]+:[0-9]+$/.test(original)) {
      problems.push(`${name}: dlq-original-* headers do not name a record`);
      continue;
    }
    plan.push({ letter, record, original, addedAsBlocker, applied: undefined, replayedBefore: letter.replays });
  }
  if (problems.length > 0) throw new CliError(`nothing replayed; ${problems.length} dead letters failed their checks: ${problems.join('; ')}`);
  return plan;
}

/** Looks each record's ce_id up in its group's inbox; false when the database holds no inbox. */
async function markApplied(plan: Planned[], db: Parameters<typeof appliedEventIds>[0]): Promise<boolean> {
  let known = true;
  for (const group of new Set(plan.map((p) => p.letter.dlq?.group ?? ''))) {
    const ofGroup = plan.filter((p) => (p.letter.dlq?.group ?? '') === group);
    const applied = await appliedEventIds(db, group, ofGroup.map((p) => p.letter.ceId));
    if (!applied) known = false;
    for (const p of ofGroup) p.applied = applied?.has(p.letter.ceId);
  }
  return known;
}

function singleExchange(plan: readonly Planned[]): string | null {
  const exchanges = new Set(plan.map((p) => p.letter.correlationId));
  return exchanges.size === 1 ? [...exchanges][0] : null;
}

function report(
  context: OpsContext,
  plan: readonly Planned[],
  facts: { dryRun: boolean; actionId: string; appliedKnown: boolean; alreadyApplied: number },
): void {
  const applied = facts.appliedKnown ? String(facts.alreadyApplied) : 'unknown (no inbox table in this database)';
  const headline = facts.dryRun
    ? `would replay ${plan.length}, ${applied} already applied`
    : `replayed ${plan.length} (${applied} already applied: their consumers skip them) as action ${facts.actionId}`;
  context.out.result(
    {
      dryRun: facts.dryRun,
      actionId: facts.actionId,
      replayed: facts.dryRun ? 0 : plan.length,
      selected: plan.length,
      alreadyApplied: facts.appliedKnown ? facts.alreadyApplied : null,
      records: plan.map((p) => ({
        deadLetter: coordinatesOf(p.letter),
        original: p.original,
        group: p.letter.dlq?.group ?? null,
        ceId: p.letter.ceId,
        exchangeId: p.letter.correlationId,
        applied: p.applied ?? null,
        replayedBefore: p.replayedBefore,
        addedAsBlocker: p.addedAsBlocker,
      })),
    },
    () => [
      ...table(
        ['DEAD LETTER', 'BACK TO', 'GROUP', 'APPLIED', 'REPLAYED BEFORE', 'NOTE'],
        plan.map((p) => [
          coordinatesOf(p.letter),
          p.original,
          p.letter.dlq?.group ?? '-',
          p.applied === undefined ? '?' : p.applied ? 'yes' : 'no',
          String(p.replayedBefore),
          p.addedAsBlocker ? 'added: a selected record is parked behind it' : '',
        ]),
      ),
      '',
      headline,
    ],
  );
}
