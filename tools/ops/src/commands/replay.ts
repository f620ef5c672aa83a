/**
 * `ecris-ops replay --group G --from <offset|time> [--to ...]`: re-consume a range of a group's inputs by
 * re-publishing its records, each marked as a replay of its own coordinates (reliability.md, "Replay").
 * Never by moving the production group's offsets: that would re-run everything after the range too,
 * and a group's committed offsets are the runner's to keep. Other groups reading the same topics see the
 * copies as well; consumers dedupe by ce_id (the exactly-once inbox), so a copy of what they applied is a
 * no-op, and outbound ECRIS messages dedupe on their message id, so nothing is re-sent to another state.
 * `--to` is exclusive, like Kafka's end offsets; `--count` caps the records taken from each partition.
 */
import { CE_HEADERS, headerText, type ConsumedRecord, type OffsetRange } from '@ecris/messaging';
import { appliedEventIds } from '../audit-index';
import { requireOperator, requireReason, requireRight } from '../authorisation';
import type { Command, CommonOptions } from '../cli';
import type { OpsContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { recordAction } from '../operator-actions';
import { table } from '../output';
import type { Position } from '../positions';
import { replayHeaders, sendThrottled, Throttle } from '../replay-records';

type ReplayCommand = Extract<Command, { name: 'replay' }>;

export async function replayRange(command: ReplayCommand, common: CommonOptions, context: OpsContext): Promise<number> {
  const doing = command.dryRun ? 'a replay dry run' : 'a replay';
  const operator = requireOperator(context.operator, doing);
  const reason = requireReason(common.reason, doing);
  if (!command.dryRun) requireRight(context.operators, operator, 'replay', doing);

  const group = context.group(command.group);
  if (group.definition.service === 'audit-index') {
    // It reads every topic: copies would go to every other consumer and add nothing to the index, whose rows
    // are idempotent by coordinates, so it can simply read the log again (services/audit-index/README.md).
    throw new UsageError('the audit index needs no replay: its rows are idempotent, so reading the log again rebuilds it');
  }
  const ranges = await rangesOf(command, context, topicsOf(command, context, group.definition.inputs));
  const planned = ranges.reduce((sum, r) => sum + Number(BigInt(r.to) - BigInt(r.from)), 0);
  const applied = command.dryRun ? await countApplied(context, group.id, ranges, planned) : undefined;

  const action = await recordAction(context, {
    action: command.dryRun ? 'REPLAY_DRY_RUN' : 'REPLAY',
    type: command.dryRun ? 'uk.ecris.ops.replay-dry-run.v1' : 'uk.ecris.ops.replay.v1',
    actor: operator,
    reason,
    targets: ranges.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.from })),
    details: {
      command: 'replay',
      group: group.id,
      from: describe(command.from),
      ...(command.to ? { to: describe(command.to) } : {}),
      ranges: ranges.map((r) => `${r.topic}:${r.partition}:${r.from}-${r.to}`).join(' '),
      records: String(applied?.read ?? planned),
      ...(applied ? { alreadyApplied: applied.applied === undefined ? 'unknown' : String(applied.applied) } : {}),
    },
    ticketReference: common.ticket ?? null,
  });

  let replayed = 0;
  if (!command.dryRun) {
    const progress = context.out.progress('replaying', planned);
    const sender = await context.sender();
    const throttle = new Throttle(command.rate);
    await (await context.reader()).read(ranges, async (records) => {
      const copies = records.map((record) => {
        const coordinates = `${record.topic}:${record.partition}:${record.offset}`;
        return {
          topic: record.topic,
          key: record.key,
          value: record.value,
          headers: replayHeaders(record.headers, { replayId: action.actionId, replayOf: coordinates, replayOfOriginal: coordinates, replayBy: operator, reason }),
        };
      });
      await sendThrottled(sender, copies, throttle, progress);
      replayed += copies.length;
    });
    progress.done();
  }

  const appliedText = applied ? (applied.applied === undefined ? 'unknown (no inbox table in this database)' : String(applied.applied)) : '';
  context.out.result(
    {
      dryRun: command.dryRun,
      actionId: action.actionId,
      group: group.id,
      ranges,
      replayed,
      ...(applied ? { wouldReplay: applied.read, alreadyApplied: applied.applied ?? null } : {}),
    },
    () => [
      ...table(
        ['TOPIC', 'PARTITION', 'FROM', 'TO (EXCLUSIVE)'],
        ranges.map((r) => [r.topic, String(r.partition), r.from, r.to]),
      ),
      '',
      command.dryRun
        ? `would replay ${applied?.read ?? planned}, ${appliedText} already applied by ${group.id}`
        : `replayed ${replayed} records for ${group.id} as action ${action.actionId}`,
    ],
  );
  return EXIT.ok;
}

function topicsOf(command: ReplayCommand, context: OpsContext, inputs: readonly string[]): string[] {
  // Dead-letter inputs (the audit index's) are replayed with `dlq replay`, which returns them where they came from.
  const topics = inputs.filter((topic) => !topic.endsWith('.dlq')).map((topic) => context.topic(topic));
  if (command.topic === undefined) return topics;
  const wanted = context.qualifyTopic(command.topic);
  if (!topics.includes(wanted)) throw new UsageError(`${command.topic} is not an input of group ${command.group} (inputs: ${topics.join(', ')})`);
  return [wanted];
}

async function rangesOf(command: ReplayCommand, context: OpsContext, topics: readonly string[]): Promise<OffsetRange[]> {
  const reader = await context.reader();
  const ranges: OffsetRange[] = [];
  for (const topic of topics) {
    const partitions = (await reader.partitions(topic)).filter((p) => command.partition === undefined || p.partition === command.partition);
    if (command.partition !== undefined && partitions.length === 0) throw new UsageError(`${topic} has no partition ${command.partition}`);
    const at = async (position: Position, partition: number) =>
      position.kind === 'offset' ? BigInt(position.offset) : BigInt((await reader.offsetsAtTime(topic, position.time)).get(partition) ?? '0');
    for (const p of partitions) {
      let from = await at(command.from, p.partition);
      let to = command.to ? await at(command.to, p.partition) : BigInt(p.high);
      if (from < BigInt(p.low)) from = BigInt(p.low);
      if (to > BigInt(p.high)) to = BigInt(p.high);
      if (command.count !== undefined && to > from + BigInt(command.count)) to = from + BigInt(command.count);
      if (from < to) ranges.push({ topic, partition: p.partition, from: from.toString(), to: to.toString() });
    }
  }
  return ranges;
}

/** Reads the range (nothing is sent) and asks the group's inbox which of its records it has applied. */
async function countApplied(
  context: OpsContext,
  group: string,
  ranges: readonly OffsetRange[],
  planned: number,
): Promise<{ read: number; applied: number | undefined }> {
  const ids: string[] = [];
  const progress = context.out.progress('reading', planned);
  await (await context.reader()).read(ranges, async (records: ConsumedRecord[]) => {
    for (const record of records) ids.push(headerText(record.headers, CE_HEADERS.id) ?? '');
    progress.advance(records.length);
  });
  progress.done();
  const applied = context.env.DATABASE_URL?.trim() ? await appliedEventIds(await context.database(), group, ids.filter(Boolean)) : undefined;
  return { read: ids.length, applied: applied ? ids.filter((id) => applied.has(id)).length : undefined };
}

function describe(position: Position): string {
  return position.kind === 'offset' ? `offset ${position.offset}` : position.time.toISOString();
}
