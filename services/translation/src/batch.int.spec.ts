import { SchemaNames, type ReviewTaskRaised, type TranslationRequested } from '@ecris/contracts';
import { startService, type RunningService } from '@ecris/service-kit';
import { startTestService, uniqueSerials, type TestRecord, type TestService } from '@ecris/testing';
import { spanishTranslationRequest } from './testing/fixtures';
import { definition } from './translation.definition';

jest.setTimeout(60_000);

/**
 * A backlog of requests waiting when the service starts is applied in batch transactions. With no
 * machine translation configured and texts no one has reviewed, each request parks a job and raises one
 * review task, as one at a time would: a request delivered twice raises one, and a request that cannot
 * be served is dead-lettered alone.
 */
const nextSerial = uniqueSerials();

function request(): TranslationRequested {
  const serial = nextSerial();
  const value = spanishTranslationRequest(`ES-GB-NOT-${serial}`);
  value.meta = { ...value.meta, id: `00000000-0000-5000-8000-${serial.slice(3)}` };
  // A wording of its own, so no reviewed translation (from other tests' runs) can already exist.
  value.convictions[0]!.offences[0]!.nationalTitle[0]!.text += ` #${serial}`;
  return value;
}

const TOPIC = 'exchange.notification-in.translation-requested.v1';
const record = (value: TranslationRequested): TestRecord => ({ topic: TOPIC, key: value.meta.correlationId, schema: SchemaNames.translationRequested, value });

const requests = Array.from({ length: 10 }, request);
const twice = request();
const unsupported = { ...request(), targetLang: 'fr' };

const BACKLOG: TestRecord[] = [...requests.map(record), record(twice), record(unsupported), record(twice)];

let harness: TestService<RunningService>;

beforeAll(async () => {
  harness = await startTestService((env) => startService(definition, env), { label: 'translation-batch', database: 'postgres', backlog: BACKLOG });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('translation applying a backlog in batches', () => {
  const expected = [...requests, twice].map((value) => value.sourceMessageId);

  it('raises one review task per request, one for the request delivered twice, in batch transactions', async () => {
    const tasks = await harness.readUntil('exchange.translation.review-tasks.v1', (read) =>
      expected.every((id) => read.some((r) => harness.decode<ReviewTaskRaised>(r).value.sourceMessageId === id)),
    );
    for (const id of expected) expect(tasks.filter((r) => harness.decode<ReviewTaskRaised>(r).value.sourceMessageId === id)).toHaveLength(1);
    const { rows } = await harness.service.database!.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM translation.pending_jobs WHERE translation_id = ANY($1::text[])',
      [[...requests, twice].map((value) => value.translationId)],
    );
    expect(rows[0]!.n).toBe(String(expected.length));
    expect(Number(/ecris_batch_records_total\{[^}]*outcome="committed"[^}]*\} (\d+)/.exec(await harness.metrics())?.[1])).toBeGreaterThan(1);
  });

  it('dead-letters the request for a language it does not render, alone', async () => {
    const dlq = await harness.readUntil('ecris-exchange.translation.dlq', (read) => read.length >= 1);
    expect(dlq.map((r) => r.headers['dlq-error-code']?.toString())).toEqual(['UNSUPPORTED_TARGET_LANGUAGE']);
  });
});
