/** `ecris-ops dlq list`: dead letters from the audit index, oldest first, by group, error class and time. */
import { AuditIndex, coordinatesOf, type DeadLetterFilter } from '../audit-index';
import type { Command, CommonOptions, DeadLetterSelection } from '../cli';
import type { OpsContext } from '../context';
import { EXIT } from '../errors';
import { table } from '../output';

type DlqListCommand = Extract<Command, { name: 'dlq-list' }>;

/** A selection as the operator typed it, in the index's terms (namespaced group and topic). */
export function deadLetterFilter(selection: DeadLetterSelection, context: OpsContext): DeadLetterFilter {
  return {
    group: selection.group === undefined ? undefined : context.group(selection.group).id,
    errorClass: selection.errorClass,
    errorCode: selection.errorCode,
    originalTopic: selection.originalTopic === undefined ? undefined : context.qualifyTopic(selection.originalTopic),
    since: selection.since,
    until: selection.until,
  };
}

export async function dlqList(command: DlqListCommand, _common: CommonOptions, context: OpsContext): Promise<number> {
  const index = new AuditIndex(await context.database(), context.namespace);
  const letters = await index.deadLetters({ ...deadLetterFilter(command.filter, context), limit: command.count });
  context.out.result(
    letters.map((letter) => ({
      deadLetter: coordinatesOf(letter),
      time: letter.recordTime,
      group: letter.dlq?.group,
      errorClass: letter.dlq?.errorClass,
      errorCode: letter.dlq?.errorCode,
      errorMessage: letter.dlq?.errorMessage,
      original: `${letter.dlq?.originalTopic}:${letter.dlq?.originalPartition}:${letter.dlq?.originalOffset}`,
      parkedBehind: letter.dlq?.parkedBehind,
      exchangeId: letter.correlationId,
      ceId: letter.ceId,
      replays: letter.replays,
    })),
    () => [
      ...table(
        ['DEAD LETTER', 'TIME', 'GROUP', 'CLASS/CODE', 'EXCHANGE', 'REPLAYS', 'NOTE'],
        letters.map((letter) => [
          coordinatesOf(letter),
          letter.recordTime,
          letter.dlq?.group ?? '-',
          `${letter.dlq?.errorClass}/${letter.dlq?.errorCode ?? '-'}`,
          letter.correlationId,
          String(letter.replays),
          letter.dlq?.parkedBehind ? `parked behind ${letter.dlq.parkedBehind}` : (letter.dlq?.errorMessage ?? ''),
        ]),
      ),
      '',
      `${letters.length} dead letters`,
    ],
  );
  return EXIT.ok;
}
