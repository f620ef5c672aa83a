/** `ecris-ops dlq show <dlq-topic:partition:offset>`: one dead letter from the log: provenance, payload check, value (masked). */
import type { Command, CommonOptions } from '../cli';
import type { OpsContext } from '../context';
import { decodeForDisplay, headersAsText, payloadIntact } from '../decoding';
import { CliError, EXIT, UsageError } from '../errors';
import { authoriseUnmask } from '../personal-data';
import { formatCoordinates } from '../positions';

type DlqShowCommand = Extract<Command, { name: 'dlq-show' }>;

export async function dlqShow(command: DlqShowCommand, common: CommonOptions, context: OpsContext): Promise<number> {
  const coordinates = { ...command.coordinates, topic: context.qualifyTopic(command.coordinates.topic) };
  if (!coordinates.topic.endsWith('.dlq')) throw new UsageError(`${coordinates.topic} is not a dead-letter topic (<group>.dlq)`);
  const name = formatCoordinates(coordinates);
  const found = await (await context.reader()).fetch([coordinates]);
  const record = found.get(name);
  if (!record) throw new CliError(`no record at ${name}`);
  const unmasked = await authoriseUnmask(common, context, { command: 'dlq show', targets: [coordinates] });
  const decoded = decodeForDisplay(context.codec, record, unmasked);
  const headers = headersAsText(record);
  const intact = payloadIntact(record);
  context.out.result(
    {
      deadLetter: name,
      timestamp: new Date(Number(record.timestamp)).toISOString(),
      key: record.key?.toString('utf8') ?? null,
      headers,
      payloadIntact: intact,
      valueBytes: record.value?.length ?? 0,
      decoded,
      masked: !unmasked,
    },
    () => [
      `dead letter ${name} at ${new Date(Number(record.timestamp)).toISOString()}`,
      `key ${record.key?.toString('utf8') ?? '(none)'}`,
      ...Object.entries(headers)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([header, value]) => `  ${header}: ${value}`),
      intact ? 'payload: intact (dlq-payload-sha256 matches)' : context.out.alert('payload: CHANGED since it was dead-lettered (dlq-payload-sha256 does not match)'),
      decoded.error ? `value: undecodable: ${decoded.error}` : `value (${decoded.schema}${unmasked ? '' : ', personal data masked'}):`,
      ...(decoded.error ? [] : JSON.stringify(decoded.value, null, 2).split('\n')),
    ],
  );
  return EXIT.ok;
}
