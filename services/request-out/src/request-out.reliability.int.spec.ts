/**
 * request-out's delivery guarantees on the real broker and PostgreSQL: poison goes to the DLQ with its
 * provenance, a duplicate delivery has no second effect, a transient failure is retried until it passes.
 */
import type { PreviousConvictionsResponse, Request } from '@ecris/contracts';
import { headerText } from '@ecris/messaging';
import { eventually } from '@ecris/testing';
import { requestMessageIdOf } from './domain/ecris-ids';
import type { CaseStore } from './ports';
import { agencyRequestRecord, rrs } from './testing/inputs';
import { has, SchemaNames, startRequestOut, valuesOf, type RequestOutUnderTest } from './testing/request-out-harness';

const START = '2026-03-02T09:00:00.000Z';

/** The real store, made to fail with a dropped connection the next `n` times it locks a given case. */
const failures = new Map<string, number>();
function flaky(store: CaseStore): CaseStore {
  return Object.assign(Object.create(store) as CaseStore, {
    lockCase: (tx: Parameters<CaseStore['lockCase']>[0], requestId: string) => {
      const left = failures.get(requestId) ?? 0;
      if (left > 0) {
        failures.set(requestId, left - 1);
        return Promise.reject(Object.assign(new Error('connection reset by peer'), { code: 'ECONNRESET' }));
      }
      return store.lockCase(tx, requestId);
    },
  });
}

let service: RequestOutUnderTest;

beforeAll(async () => {
  service = await startRequestOut('request-out-reliability', { clockStart: START, wrapCaseStore: flaky });
}, 60_000);

afterAll(async () => {
  await service?.close();
});

async function metric(pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${service.running.url}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}

const handled = (topic: string) => new RegExp(`ecris_records_consumed_total\\{[^}]*topic="${service.ns}${topic.replace(/\./g, '\\.')}"[^}]*outcome="handled"[^}]*\\} (\\d+)`);

async function outboxRows(key: string, topic: string): Promise<number> {
  const { rows } = await service.running.database!.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE record_key = $1 AND topic = $2', [key, `${service.ns}${topic}`]);
  return Number(rows[0]?.n);
}

describe('request-out delivery', () => {
  it('sends an undecodable agency request to the DLQ with its provenance, and goes on with the next', async () => {
    await service.publishRaw('agency.requests.v1', 'poison-1', Buffer.from('not avro at all'));
    const dlq = await service.read('ecris-exchange.request-out.dlq', (records) => records.some((r) => r.key?.toString() === 'poison-1'));
    const letter = dlq.find((r) => r.key?.toString() === 'poison-1')!;
    expect(letter.value?.toString()).toBe('not avro at all');
    expect(headerText(letter.headers, 'dlq-original-topic')).toBe(`${service.ns}agency.requests.v1`);
    expect(headerText(letter.headers, 'dlq-consumer-group')).toBe(service.group);
    expect(headerText(letter.headers, 'dlq-error-class')).toBe('deserialization');

    const requestId = `AR-AFTER-POISON-${Date.now()}`;
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, agencyRequestRecord(requestId, START), requestId);
    await service.read('ecris.outbound.v1', has(SchemaNames.request, requestMessageIdOf('GB', 'IT', requestId)));
  });

  it('has no second effect for a duplicate delivery, of the same record or of a copy under another event id', async () => {
    const requestId = `AR-DUP-${Date.now()}`;
    const itReq = requestMessageIdOf('GB', 'IT', requestId);
    const record = agencyRequestRecord(requestId, START);
    const before = await metric(handled('agency.requests.v1'));
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, record, requestId);
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, record, requestId);
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, { ...record, meta: { ...record.meta, id: `${record.meta.id}-resent` } }, requestId);
    await eventually(async () => (await metric(handled('agency.requests.v1'))) >= before + 3, 20_000, 'three deliveries handled');
    expect(await outboxRows(itReq, 'ecris.outbound.v1')).toBe(1);
    const sent = await service.read('ecris.outbound.v1', has(SchemaNames.request, itReq));
    expect(valuesOf<Request>(sent, SchemaNames.request, itReq)).toHaveLength(1);

    // The same answer delivered twice gives one answer to the agency.
    const answer = rrs('IT', itReq, [], '2026-03-05T09:00:00Z');
    const answersBefore = await metric(handled('ecris.inbound.v1'));
    await service.publish('ecris.inbound.v1', SchemaNames.requestResponse, answer, itReq);
    await service.publish('ecris.inbound.v1', SchemaNames.requestResponse, answer, itReq);
    await eventually(async () => (await metric(handled('ecris.inbound.v1'))) >= answersBefore + 2, 20_000, 'both answers handled');
    expect(await outboxRows(requestId, 'agency.responses.v1')).toBe(1);
    const responses = await service.read('agency.responses.v1', has(SchemaNames.agencyResponse, requestId));
    expect(valuesOf<PreviousConvictionsResponse>(responses, SchemaNames.agencyResponse, requestId)).toHaveLength(1);
  });

  it('retries a transient database failure in place until the request goes out, once', async () => {
    const requestId = `AR-FLAKY-${Date.now()}`;
    const itReq = requestMessageIdOf('GB', 'IT', requestId);
    const retriesBefore = await metric(/ecris_transient_retries_total\{[^}]*error_code="ECONNRESET"[^}]*\} (\d+)/);
    failures.set(requestId, 2);
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, agencyRequestRecord(requestId, START), requestId);
    await service.read('ecris.outbound.v1', has(SchemaNames.request, itReq));
    expect(failures.get(requestId)).toBe(0);
    expect(await metric(/ecris_transient_retries_total\{[^}]*error_code="ECONNRESET"[^}]*\} (\d+)/)).toBe(retriesBefore + 2);
    expect(await outboxRows(itReq, 'ecris.outbound.v1')).toBe(1);
  });
});
