import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import {
  SchemaNames,
  type Cancellation,
  type EventMeta,
  type FunctionalError,
  type Request,
  type RequestAdditionalInfo,
  type RequestAdditionalInfoResponse,
  type RequestDeadline,
  type RequestResponse,
} from '@ecris/contracts';
import { validateMessage } from '@ecris/ecris-model';
import type { ConsumedRecord, SqlExecutor } from '@ecris/messaging';
import { loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { startService, type RunningService } from '@ecris/service-kit';
import { eventually, startTestService, TransientFailures, uniqueSerials, type RawTestRecord, type TestService } from '@ecris/testing';
import { DeadlineWatch } from './adapters/deadline-watch';
import { requestInConfigFrom } from './adapters/settings-from-env';
import { REQUEST_IN_CONFIG } from './adapters/tokens';
import { REGISTER_SEARCH_OF, type RegisterSearch, type RegisterSearchOf } from './ports';
import { REGISTER_SEARCH, REQUEST_IN_CONTROLLERS, requestInProviders } from './request-in.module';
import { definition } from './request-in.definition';
import { germanRequest, type RequestedPersonDetails } from './testing/german-request';
import { seedRegister, uniqueSurname, type SeedConviction } from './testing/register-seed';
import { TEST_PURPOSE_CATEGORIES } from './testing/settings';

const registerFailures = new TransientFailures();

/** The real register search behind a switch that can make it fail as a dropped connection would; it counts searches too. */
function flakyRegister(real: RegisterSearch): RegisterSearch {
  return {
    identify: (person) => registerFailures.run(() => real.identify(person)),
    convictionsOf: (personId) => real.convictionsOf(personId),
  };
}

const REAL_SEARCH = Symbol('REAL_SEARCH');
/** Received on the Thursday before Easter 2026: the legal deadline is Friday 1 May (20 UK working days). */
const RECEIVED_AT = '2026-04-02T09:15:00.000Z';
const DUE = '2026-05-01';

@Module({
  controllers: REQUEST_IN_CONTROLLERS,
  providers: [
    ...requestInProviders({
      config: {
        provide: REQUEST_IN_CONFIG,
        useFactory: () =>
          requestInConfigFrom(
            loadReferenceData(referenceDataDirs(process.env)),
            { REQUEST_IN_PURPOSE_CATEGORIES: JSON.stringify(TEST_PURPOSE_CATEGORIES), REQUEST_IN_DEADLINE_CHECK_INTERVAL_MS: '0' },
            '2026-04-02',
          ),
      },
      registerSearch: {
        provide: REGISTER_SEARCH_OF,
        inject: [REAL_SEARCH],
        useFactory: (real: RegisterSearchOf): RegisterSearchOf => (db: SqlExecutor) => flakyRegister(real(db)),
      },
    }),
    { ...REGISTER_SEARCH, provide: REAL_SEARCH },
  ],
})
class TestRequestInModule {}

const nextSerial = uniqueSerials();

describe('request-in', () => {
  let harness: TestService<RunningService>;
  let service: RunningService;

  beforeAll(async () => {
    // A database of its own: requests left open elsewhere would otherwise count in the deadline gauges.
    harness = await startTestService(
      (env) => startService({ ...definition, module: TestRequestInModule, transport: { backoff: { initialMs: 20, maxMs: 100 } } }, env),
      { label: 'request-in', database: 'postgres' },
    );
    service = harness.service;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const meta = (correlationId: string, id = randomUUID()): EventMeta => ({
    id,
    source: '/ecris-gateway',
    type: 'uk.ecris.message.received.v1',
    time: RECEIVED_AT,
    subject: null,
    correlationId,
    causationId: null,
    traceparent: null,
  });

  function record(schema: string, value: { header: { messageId: string } }, key: string, eventMeta = meta(key)): RawTestRecord {
    return harness.encode({ topic: 'ecris.inbound.v1', key, schema, value: { ...value, meta: eventMeta } });
  }
  const req = (value: Omit<Request, 'meta'>, eventMeta?: EventMeta) => record(SchemaNames.request, value, value.header.messageId, eventMeta);

  const decoded = <T>(r: ConsumedRecord) => harness.decode<T>(r);
  const typeOf = (r: ConsumedRecord) => decoded<{ header: { messageId: string } }>(r).value.header.messageId.slice(6, 9);

  /** Our messages about one exchange (keyed by the request id), once `count` of them are out. */
  async function outboundFor(requestId: string, count: number): Promise<ConsumedRecord[]> {
    const mine = (read: readonly ConsumedRecord[]) => read.filter((r) => r.key?.toString() === requestId);
    return mine(await harness.readUntil('ecris.outbound.v1', (read) => mine(read).length >= count));
  }

  const row = async (requestId: string) =>
    (await service.database!.query<{ status: string; outcome: string | null; overdue_since: string | null }>(
      'SELECT status, outcome, overdue_since FROM request_in.requests WHERE request_id = $1',
      [requestId],
    )).rows[0];

  function details(surname: string, extra: Partial<RequestedPersonDetails> = {}): RequestedPersonDetails {
    return { forename: 'Alan', surname, birthDate: { year: 1980, month: 6, day: 15 }, ...extra };
  }

  /** A UK national with five convictions, one per disclosure rule. Dates are seen from 2 April 2026. */
  async function personWithConvictions(): Promise<{ surname: string; ids: Record<string, string> }> {
    const surname = uniqueSurname();
    const personId = `P-${surname}`;
    const ids = {
      unspent: `${personId}-uk-unspent`,
      spent: `${personId}-uk-spent`,
      spentChildSexual: `${personId}-uk-spent-csa`,
      foreignNotTransmittable: `${personId}-fr-no`,
      deleted: `${personId}-uk-deleted`,
    };
    const convictions: SeedConviction[] = [
      { id: ids.spentChildSexual, origin: 'UK', convictionDate: '2010-01-10', sanction: { kind: 'CUSTODY', duration: 'P6M' }, childSexualOffence: true },
      { id: ids.spent, origin: 'UK', convictionDate: '2015-03-01', sanction: { kind: 'FINE' } },
      { id: ids.foreignNotTransmittable, origin: 'FOREIGN', convictionDate: '2023-01-10', sanction: { kind: 'CUSTODY', duration: 'P3Y' }, isTransmittable: 'No' },
      { id: ids.unspent, origin: 'UK', convictionDate: '2024-06-01', sanction: { kind: 'CUSTODY', duration: 'P2Y' } },
      { id: ids.deleted, origin: 'UK', convictionDate: '2025-01-10', sanction: { kind: 'FINE' }, deleted: true },
    ];
    await seedRegister(service.database!, { personId, forename: 'Alan', surname, birthDate: { year: 1980, month: 6, day: 15 } }, convictions);
    return { surname, ids };
  }

  const disclosures = async (requestId: string) =>
    (await service.database!.query<{ conviction_id: string; decision: string; reason: string | null }>(
      'SELECT conviction_id, decision, reason FROM request_in.disclosures WHERE request_id = $1 ORDER BY conviction_id',
      [requestId],
    )).rows;

  it('answers a German request about a UK national for criminal proceedings: RDL, then RRS with every conviction but the deleted one', async () => {
    const { surname, ids } = await personWithConvictions();
    const request = germanRequest(nextSerial(), details(surname));
    const id = request.header.messageId;
    const received = meta(id);
    await harness.publish([req(request, received)]);

    const [rdlRecord, rrsRecord] = await outboundFor(id, 2);
    const rdl = decoded<RequestDeadline>(rdlRecord!).value;
    expect(rdl.deadline).toBe(DUE);
    expect(rdl.header).toMatchObject({ responseTo: id, sender: 'GB', receiver: 'DE' });
    const rrs = decoded<RequestResponse>(rrsRecord!);
    expect(rrs.writer.fullName).toBe(SchemaNames.requestResponse);
    expect(rrs.value.responseTypeRef).toBe('RRT-00-00');
    expect(validateMessage('RRS', rrs.value)).toEqual([]);
    expect(rrs.value.convictions).toHaveLength(4);
    expect(rrs.value.convictions.filter((c) => c.convictingCountryRef === 'CO-00-250-FRA')).toHaveLength(1);
    expect(rrs.value.convictions.find((c) => c.convictingCountryRef === 'CO-00-250-FRA')!.isTransmittable).toBe('No');
    expect(rrsRecord!.headers.ce_causationid?.toString()).toBe(received.id);
    expect(rrs.value.meta.correlationId).toBe(id);
    expect(await disclosures(id)).toEqual(
      [
        { conviction_id: ids.deleted, decision: 'WITHHELD', reason: 'DELETED' },
        { conviction_id: ids.foreignNotTransmittable, decision: 'DISCLOSED', reason: null },
        { conviction_id: ids.spent, decision: 'DISCLOSED', reason: null },
        { conviction_id: ids.spentChildSexual, decision: 'DISCLOSED', reason: null },
        { conviction_id: ids.unspent, decision: 'DISCLOSED', reason: null },
      ].sort((a, b) => (a.conviction_id < b.conviction_id ? -1 : 1)),
    );
  });

  it('for work with children leaves out spent convictions (except child sexual offences) and foreign ones not transmittable', async () => {
    const { surname, ids } = await personWithConvictions();
    const request = germanRequest(nextSerial(), details(surname), 'P-00-003000');
    await harness.publish([req(request)]);

    const [, rrsRecord] = await outboundFor(request.header.messageId, 2);
    const rrs = decoded<RequestResponse>(rrsRecord!).value;
    expect(rrs.convictions).toHaveLength(2);
    expect(rrs.convictions.every((c) => c.convictingCountryRef === 'CO-00-826-GBR')).toBe(true);
    const withheld = (await disclosures(request.header.messageId)).filter((d) => d.decision === 'WITHHELD');
    expect(withheld.map((d) => [d.conviction_id, d.reason])).toEqual(
      expect.arrayContaining([
        [ids.spent, 'SPENT'],
        [ids.foreignNotTransmittable, 'NOT_TRANSMITTABLE'],
        [ids.deleted, 'DELETED'],
      ]),
    );
  });

  it('answers a request about someone not on the register at once: RDL and a "no convictions" RRS', async () => {
    const request = germanRequest(nextSerial(), details(uniqueSurname()));
    await harness.publish([req(request)]);

    const records = await outboundFor(request.header.messageId, 2);
    expect(records.map(typeOf)).toEqual(['RDL', 'RRS']);
    const rrs = decoded<RequestResponse>(records[1]!).value;
    expect(rrs).toMatchObject({ responseTypeRef: 'RRT-00-00', convictions: [] });
    expect((await row(request.header.messageId))).toMatchObject({ status: 'ANSWERED', outcome: 'NO_RECORD' });
  });

  it('denies a purpose the law does not allow, with a reason and no data, without searching', async () => {
    const { surname } = await personWithConvictions();
    const request = germanRequest(nextSerial(), details(surname), 'P-00-005000');
    const searchesBefore = registerFailures.calls;
    await harness.publish([req(request)]);

    const [, rrsRecord] = await outboundFor(request.header.messageId, 2);
    const rrs = decoded<RequestResponse>(rrsRecord!).value;
    expect(rrs).toMatchObject({ responseTypeRef: 'RRT-00-01', convictions: [] });
    expect(rrs.remarks[0]!.text).toContain('s.5(2)');
    expect(registerFailures.calls).toBe(searchesBefore);
  });

  it('answers a request that fails validation with a FEM only', async () => {
    const request = germanRequest(nextSerial(), details(uniqueSurname()));
    request.purpose = [];
    await harness.publish([req(request)]);

    const [femRecord] = await outboundFor(request.header.messageId, 1);
    const fem = decoded<FunctionalError>(femRecord!);
    expect(fem.writer.fullName).toBe(SchemaNames.functionalError);
    expect(fem.value.header).toMatchObject({ responseTo: request.header.messageId, sender: 'GB', receiver: 'DE' });
    expect(fem.value.errors[0]!.additionalInformation[0]!.text).toMatch(/^purpose: /);
    expect(await row(request.header.messageId)).toMatchObject({ status: 'REJECTED', outcome: 'REJECTED' });
  });

  it('sends one RDL and one RRS when the same REQ arrives twice, under the same or another ce_id', async () => {
    const request = germanRequest(nextSerial(), details(uniqueSurname()));
    const id = request.header.messageId;
    const first = meta(id);
    const marker = germanRequest(nextSerial(), details(uniqueSurname()));
    await harness.publish([req(request, first), req(request, meta(id)), req(request, first), { ...req(marker), key: id }]);

    await outboundFor(marker.header.messageId, 2);
    const everything = (await harness.readAll('ecris.outbound.v1')).filter((r) => r.key?.toString() === id);
    expect(everything.map(typeOf)).toEqual(['RDL', 'RRS']);
  });

  /** Two persons the request's details fit equally well; only their national ids (unique per run) tell them apart. */
  async function twoNamesakes(): Promise<{ surname: string; convictionOfFirst: string }> {
    const surname = uniqueSurname();
    const convictionOfFirst = `P1-${surname}-c`;
    const base = { forename: 'Alan', surname, birthDate: { year: 1980, month: 6, day: 15 } };
    await seedRegister(service.database!, { ...base, personId: `P1-${surname}`, nationalId: `${surname.toUpperCase()}1` }, [
      { id: convictionOfFirst, origin: 'UK', convictionDate: '2024-06-01', sanction: { kind: 'CUSTODY', duration: 'P2Y' } },
    ]);
    await seedRegister(service.database!, { ...base, personId: `P2-${surname}`, nationalId: `${surname.toUpperCase()}2` });
    return { surname, convictionOfFirst };
  }

  function rar(rai: RequestAdditionalInfo, requestId: string, identityNumber: string | null, person: Request['person']): RawTestRecord {
    const value: Omit<RequestAdditionalInfoResponse, 'meta'> = {
      header: { messageId: `DE-GB-RAR-${nextSerial()}`, timestamp: RECEIVED_AT, responseTo: rai.header.messageId, sender: 'DE', receiver: 'GB' },
      contactPerson: null,
      remarks: [],
      person: identityNumber ? { ...person, identityNumber } : null,
      requestPurpose: [],
      responseTypeRef: 'ART-00-00',
      fingerprints: null,
    };
    return record(SchemaNames.requestAdditionalInfoResponse, value, requestId);
  }

  it('asks for more identifiers when several people match, and answers for the one the RAR identifies', async () => {
    const { surname } = await twoNamesakes();
    const request = germanRequest(nextSerial(), details(surname));
    const id = request.header.messageId;
    await harness.publish([req(request)]);

    const [, raiRecord] = await outboundFor(id, 2);
    const rai = decoded<RequestAdditionalInfo>(raiRecord!).value;
    expect(rai.header).toMatchObject({ responseTo: id, sender: 'GB', receiver: 'DE' });
    expect(rai.informationRequested).toContain('IdentityNumber');
    expect(await row(id)).toMatchObject({ status: 'AWAITING_ADDITIONAL_INFO' });

    await harness.publish([rar(rai, id, `${surname.toUpperCase()}1`, request.person)]);
    const [, , rrsRecord] = await outboundFor(id, 3);
    const rrs = decoded<RequestResponse>(rrsRecord!).value;
    expect(rrs).toMatchObject({ responseTypeRef: 'RRT-00-00', header: { responseTo: id } });
    expect(rrs.convictions).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'ANSWERED', outcome: 'CONVICTIONS' });
  });

  it('answers "multiple people found" when the RAR does not settle who it is', async () => {
    const { surname } = await twoNamesakes();
    const request = germanRequest(nextSerial(), details(surname));
    const id = request.header.messageId;
    await harness.publish([req(request)]);
    const [, raiRecord] = await outboundFor(id, 2);

    await harness.publish([rar(decoded<RequestAdditionalInfo>(raiRecord!).value, id, null, request.person)]);
    const [, , rrsRecord] = await outboundFor(id, 3);
    expect(decoded<RequestResponse>(rrsRecord!).value).toMatchObject({ responseTypeRef: 'RRT-00-05', convictions: [] });
  });

  function can(requestId: string, serial = nextSerial()): RawTestRecord {
    const value: Omit<Cancellation, 'meta'> = {
      header: { messageId: `DE-GB-CAN-${serial}`, timestamp: RECEIVED_AT, responseTo: requestId, sender: 'DE', receiver: 'GB' },
      contactPerson: null,
      remarks: [],
    };
    return record(SchemaNames.cancellation, value, requestId);
  }

  it('stops a request still waiting when a CAN comes: no RRS, not even at the deadline; a CAN after the answer gets a FEM', async () => {
    const { surname } = await twoNamesakes();
    const request = germanRequest(nextSerial(), details(surname));
    const id = request.header.messageId;
    await harness.publish([req(request)]);
    await outboundFor(id, 2); // RDL, RAI

    await harness.publish([can(id)]);
    await eventually(async () => (await row(id))?.status === 'CANCELLED', 15_000, 'request cancelled');
    const review = await service.app.get(DeadlineWatch).checkAt(new Date('2026-05-05T09:00:00Z'));
    expect(review.closed).not.toContain(id);

    // A request answered at once, then cancelled: the FEM (keyed by that request) is what comes back.
    const answered = germanRequest(nextSerial(), details(uniqueSurname()));
    await harness.publish([req(answered)]);
    await outboundFor(answered.header.messageId, 2);
    await harness.publish([can(answered.header.messageId)]);
    const [, , femRecord] = await outboundFor(answered.header.messageId, 3);
    expect(decoded<FunctionalError>(femRecord!).value.errors[0]!.code).toBe('FE-90011');

    const ours = (await harness.readAll('ecris.outbound.v1')).filter((r) => r.key?.toString() === id);
    expect(ours.map(typeOf)).toEqual(['RDL', 'RAI']);
  });

  it('runs the deadline check on an injected clock: days left, overdue, then "multiple people found" on closing', async () => {
    const { surname } = await twoNamesakes();
    const request = germanRequest(nextSerial(), details(surname));
    const id = request.header.messageId;
    await harness.publish([req(request)]);
    await outboundFor(id, 2);
    const watch = service.app.get(DeadlineWatch);

    const before = await watch.checkAt(new Date('2026-04-28T12:00:00Z'), false);
    expect(before.openByDaysLeft['1-5']).toBe(1);
    expect(await harness.metrics()).toMatch(/ecris_request_in_open_requests\{[^}]*days_left="1-5"[^}]*\} 1/);

    const late = await watch.checkAt(new Date('2026-05-05T09:00:00Z'), false);
    expect(late.newlyOverdue).toEqual([id]);
    expect(await harness.metrics()).toMatch(/ecris_request_in_overdue_requests\{[^}]*\} 1/);
    expect((await row(id))!.overdue_since).not.toBeNull();

    const closing = await watch.checkAt(new Date('2026-05-05T09:05:00Z'));
    expect(closing.closed).toEqual([id]);
    const [, , rrsRecord] = await outboundFor(id, 3);
    expect(decoded<RequestResponse>(rrsRecord!).value).toMatchObject({ responseTypeRef: 'RRT-00-05', header: { responseTo: id } });
    expect(await harness.metrics()).toMatch(/ecris_request_in_overdue_requests\{[^}]*\} 0/);
    expect(await row(id)).toMatchObject({ status: 'ANSWERED', outcome: 'MULTIPLE_PEOPLE_FOUND' });
  });

  it('dead-letters undecodable bytes and an unanswerable REQ, with provenance, and goes on', async () => {
    const unanswerable = germanRequest(nextSerial(), details(uniqueSurname()));
    unanswerable.header = { ...unanswerable.header, sender: 'US', messageId: unanswerable.header.messageId.replace(/^DE/, 'US') };
    const after = germanRequest(nextSerial(), details(uniqueSurname()));
    await harness.publish([
      { topic: 'ecris.inbound.v1', key: 'poison-key', value: Buffer.from('definitely not avro'), headers: { ce_id: Buffer.from('poison-1') } },
      { ...req(unanswerable), key: 'unanswerable-key' },
      req(after),
    ]);

    const dlq = await harness.readUntil('ecris-exchange.request-in.dlq', (read) => read.length >= 2);
    const byKey = new Map(dlq.map((r) => [r.key?.toString(), r]));
    expect(byKey.get('poison-key')?.value?.toString()).toBe('definitely not avro');
    expect(byKey.get('poison-key')?.headers['dlq-error-class']?.toString()).toBe('deserialization');
    expect(byKey.get('poison-key')?.headers['dlq-original-topic']?.toString()).toBe(harness.topic('ecris.inbound.v1'));
    expect(byKey.get('unanswerable-key')?.headers['dlq-error-code']?.toString()).toBe('UNANSWERABLE_REQUEST');
    expect(byKey.get('unanswerable-key')?.headers['dlq-consumer-group']?.toString()).toBe(`${harness.ns}ecris-exchange.request-in`);
    await outboundFor(after.header.messageId, 2);
  });

  it('retries a transient register failure in place and then answers', async () => {
    registerFailures.failNext(2);
    const request = germanRequest(nextSerial(), details(uniqueSurname()));
    await harness.publish([req(request)]);

    const records = await outboundFor(request.header.messageId, 2);
    expect(records.map(typeOf)).toEqual(['RDL', 'RRS']);
    expect(registerFailures.failed).toBe(2);
    await eventually(async () => /ecris_transient_retries_total\{[^}]*\} 2/.test(await harness.metrics()));
  });

  it('reports health', async () => {
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(await harness.metrics()).toMatch(/ecris_request_in_requests_total\{[^}]*outcome="CONVICTIONS"[^}]*\} [1-9]/);
  });
});
