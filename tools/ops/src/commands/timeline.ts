/**
 * `ecris-ops timeline <exchange-id> [--decode]`: every record of one exchange from the audit index, in
 * order, with dead letters, parking, replays, rejections and gaps marked. --decode fetches each record
 * by its coordinates and decodes it with the schema archive (personal data masked).
 */
import { AuditIndex, type AuditRow } from '../audit-index';
import type { Command, CommonOptions } from '../cli';
import type { OpsContext } from '../context';
import { decodeForDisplay, ecrisHeaderOf, type Decoded } from '../decoding';
import { CliError, EXIT, UsageError } from '../errors';
import { table } from '../output';
import { authoriseUnmask } from '../personal-data';
import { analyseExchange, type EcrisHeader } from '../timeline-analysis';

type TimelineCommand = Extract<Command, { name: 'timeline' }>;

export async function timeline(command: TimelineCommand, common: CommonOptions, context: OpsContext): Promise<number> {
  if (common.unmask && !command.decode) throw new UsageError('--unmask shows decoded values: add --decode');
  const index = new AuditIndex(await context.database(), context.namespace);
  const rows = await index.exchange(command.exchangeId);
  if (rows.length === 0) throw new CliError(`the audit index has no record of exchange ${command.exchangeId}`);
  const unmasked = await authoriseUnmask(common, context, { command: 'timeline --decode', exchangeId: command.exchangeId });
  const decoded = command.decode ? await decodeAll(context, rows, unmasked) : new Map<string, Decoded>();
  const headers = new Map<string, EcrisHeader>();
  for (const [coordinates, value] of decoded) {
    const header = ecrisHeaderOf(value.value);
    if (header) headers.set(coordinates, header);
  }
  const story = analyseExchange(rows, context.namespace, headers);
  const linked = await index.linkedExchanges(command.exchangeId, rows);
  const out = context.out;

  out.result(
    {
      exchangeId: command.exchangeId,
      steps: story.steps.map((step) => ({
        time: step.row.recordTime,
        topic: step.row.topic,
        partition: step.row.partition,
        offset: step.row.offset,
        type: step.type,
        ceId: step.row.ceId,
        ceType: step.row.ceType,
        causationId: step.row.causationId,
        source: step.row.ceSource,
        subject: step.row.ceSubject,
        marks: step.marks,
        ...(command.decode ? { decoded: decoded.get(step.coordinates) ?? null } : {}),
      })),
      gaps: story.gaps,
      errors: story.errors,
      linkedExchanges: linked,
      masked: !unmasked,
    },
    () => {
      const lines = table(
        ['TIME', 'TOPIC', 'P:OFFSET', 'TYPE', 'SOURCE', 'SUBJECT', 'MARKS'],
        story.steps.map((step) => [
          step.row.recordTime,
          step.topic,
          `${step.row.partition}:${step.row.offset}`,
          step.type,
          step.row.ceSource ?? '-',
          step.row.ceSubject ?? '-',
          step.marks.map((mark) => (/^(GAP|DEAD LETTER|REJECTED|PARKED)/.test(mark) ? out.alert(mark) : mark)).join('; '),
        ]),
      );
      if (command.decode) {
        // Under each step, its value in one line (masked unless authorised).
        const withValues: string[] = [lines[0]];
        story.steps.forEach((step, i) => {
          withValues.push(lines[i + 1]);
          const value = decoded.get(step.coordinates);
          withValues.push(`    ${value ? summary(value) : '(not on the log any more)'}`);
        });
        lines.splice(0, lines.length, ...withValues);
      }
      lines.push('');
      lines.push(`${story.steps.length} steps, ${story.gaps.length} gaps, ${story.errors} errors${unmasked ? '' : command.decode ? '; personal data masked' : ''}`);
      for (const gap of story.gaps) lines.push(out.alert(gap.text));
      if (linked.length > 0) lines.push(`linked exchanges (cause or effect): ${linked.join(', ')}`);
      return lines;
    },
  );
  return EXIT.ok;
}

async function decodeAll(context: OpsContext, rows: readonly AuditRow[], unmasked: boolean): Promise<Map<string, Decoded>> {
  const reader = await context.reader();
  const records = await reader.fetch(rows.map((row) => ({ topic: row.topic, partition: row.partition, offset: row.offset })));
  const decoded = new Map<string, Decoded>();
  for (const [coordinates, record] of records) decoded.set(coordinates, decodeForDisplay(context.codec, record, unmasked));
  return decoded;
}

function summary(decoded: Decoded): string {
  if (decoded.error) return `undecodable: ${decoded.error}`;
  // The meta repeats the row's own columns; the rest of the value is what the line adds.
  const { meta: _meta, ...rest } = (decoded.value ?? {}) as Record<string, unknown>;
  const text = JSON.stringify(rest);
  return `${decoded.schema}: ${text.length > 400 ? `${text.slice(0, 399)}…` : text}`;
}
