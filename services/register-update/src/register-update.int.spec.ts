/**
 * register-update on the real broker and database. PostgreSQL by default; with
 * REGISTER_UPDATE_TEST_PGLITE=1 the same tests run on embedded PGlite (DATABASE_URL empty), to show
 * the same SQL and migrations work there.
 */
import { Module } from '@nestjs/common';
import {
  SchemaNames,
  type ConvictionRecorded,
  type RegisterUpdated,
  type RequestAdditionalInfo,
  type ReviewTaskRaised,
  type TextTranslated,
} from '@ecris/contracts';
import type { ConsumedRecord, SqlDatabase } from '@ecris/messaging';
import { RegisterReader, type RegisterConviction } from '@ecris/register';
import { startService, type RunningService } from '@ecris/service-kit';
import { eventually, startTestService, TransientFailures, type RawTestRecord, type TestRecord, type TestService } from '@ecris/testing';
import { registerUpdateDefinition } from './definition';
import { PG_REGISTER_STORE, REGISTER_UPDATE_HANDLERS, registerUpdateProviders } from './register-update.module';
import { REGISTER_STORE, type RegisterStore } from './ports';
import { convictionAmended, convictionRecorded, convictionRemoved, translatedNotification, uniqueSerial, uniqueSurname } from './testing/fixtures';

const ON_PGLITE = process.env.REGISTER_UPDATE_TEST_PGLITE === '1';

const storeFailures = new TransientFailures();

/** The real store behind a switch that can make it fail as a dropped connection would, before touching anything. */
class FlakyRegisterStore implements RegisterStore {
  constructor(private readonly real: RegisterStore) {}

  applyOnce(...args: Parameters<RegisterStore['applyOnce']>) {
    return storeFailures.run(() => this.real.applyOnce(...args));
  }
}

const REAL_STORE = Symbol('REAL_STORE');

@Module({
  controllers: REGISTER_UPDATE_HANDLERS,
  providers: [
    ...registerUpdateProviders({ provide: REGISTER_STORE, inject: [REAL_STORE], useFactory: (real: RegisterStore) => new FlakyRegisterStore(real) }),
    { ...PG_REGISTER_STORE, provide: REAL_STORE },
  ],
})
class TestRegisterUpdateModule {}

describe(`register-update (${ON_PGLITE ? 'PGlite' : 'PostgreSQL'})`, () => {
  let harness: TestService<RunningService>;
  let db: SqlDatabase;
  let reader: RegisterReader;

  beforeAll(async () => {
    harness = await startTestService(
      (env) => startService({ ...registerUpdateDefinition, module: TestRegisterUpdateModule, transport: { backoff: { initialMs: 20, maxMs: 100 } } }, env),
      { label: 'register-update', database: ON_PGLITE ? 'pglite' : 'postgres' },
    );
    db = harness.service.database!;
    reader = new RegisterReader(db);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const translated = (value: TextTranslated): RawTestRecord =>
    harness.encode({ topic: 'exchange.translation.text-translated.v1', key: value.sourceMessageId, schema: SchemaNames.textTranslated, value });
  const court = (schema: string, value: { meta: ConvictionRecorded['meta']; convictionReference: string }): TestRecord => ({
    topic: 'courts.convictions.v1',
    key: value.convictionReference,
    schema,
    value,
  });
  const decoded = <T>(record: ConsumedRecord) => harness.decode<T>(record).value;

  async function updatesOf(convictionRef: string, count: number): Promise<RegisterUpdated[]> {
    const records = await harness.readUntil('register.register-update.register-updated.v1', (read) => read.filter((r) => r.key?.toString() === convictionRef).length >= count);
    return records.filter((r) => r.key?.toString() === convictionRef).map((r) => decoded<RegisterUpdated>(r));
  }

  /** Puts a UK national on the register through the court feed, and returns their person id. */
  async function ukPerson(surname: string, forenames = ['Sam']): Promise<string> {
    const recorded = convictionRecorded(`T${uniqueSerial()}`, { surname, forenames });
    await harness.publish([court(SchemaNames.convictionRecorded, recorded)]);
    let personId: string | undefined;
    await eventually(async () => {
      const candidates = await reader.findCandidates({ forenames, surname, birthDate: { year: 1990, month: 5, day: 17 } });
      personId = candidates.find((c) => c.forenames.join(' ') === forenames.join(' '))?.personId;
      return personId !== undefined;
    });
    return personId!;
  }

  async function foreignConviction(personId: string, ecrisId: string, ready: (c: RegisterConviction) => boolean = () => true) {
    let found: RegisterConviction | undefined;
    await eventually(async () => {
      found = (await reader.convictionsOf(personId)).find((c) => c.ecrisConvictionId === ecrisId && ready(c));
      return found !== undefined;
    });
    return found!;
  }

  const counter = async (name: string) => {
    const text = await harness.metrics();
    return [...text.matchAll(new RegExp(`^${name}(\\{[^}]*\\})? ([0-9.]+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[2]), 0);
  };

  it('puts a translated Spanish notification about a UK national on the register with its provenance', async () => {
    const surname = uniqueSurname();
    const personId = await ukPerson(surname);
    const value = translatedNotification({ surname });
    const ecrisId = value.convictions[0]!.convictionId;
    await harness.publish([translated(value)]);

    const conviction = await foreignConviction(personId, ecrisId);
    expect(conviction).toMatchObject({
      origin: 'FOREIGN',
      convictingState: 'ES',
      ecrisConvictionId: ecrisId,
      sourceMessageId: value.sourceMessageId,
      isTransmittable: 'Yes',
      recordableEquivalent: 'YES',
      onRegister: true,
      deleted: false,
      version: 1,
      decidingAuthority: 'Criminal Court No. 3 of Madrid',
    });
    expect(conviction.offences[0]?.titles).toEqual([
      { lang: 'es', translated: false, text: 'Participación en organización criminal' },
      { lang: 'en', translated: true, text: 'Participation in a criminal organisation' },
    ]);
    // Kept as received, in ECRIS form, so an answer can pass it on (request-in).
    const [created] = await reader.historyOf(conviction.convictionId);
    expect(created?.content.received).toMatchObject({ convictionId: ecrisId, convictingCountryRef: 'CO-00-724-ESP', fileNumber: 'PA-2025-0020' });
    const [updated] = await updatesOf(ecrisId, 1);
    expect(updated).toMatchObject({ convictionId: ecrisId, convictingState: 'ES', sourceMessageId: value.sourceMessageId, change: 'CREATED', entryVersion: 1 });
    expect(updated?.meta.causationId).toBe(value.meta.id);
  });

  it('applies a variation as a new version and an incoming deletion by marking the conviction deleted', async () => {
    const surname = uniqueSurname();
    const personId = await ukPerson(surname);
    const original = translatedNotification({ surname });
    const ecrisId = original.convictions[0]!.convictionId;
    await harness.publish([translated(original)]);
    await foreignConviction(personId, ecrisId);

    const variation = translatedNotification({ surname, updates: ecrisId, sentence: { duration: 'P18M', suspendedFor: 'P2Y' } });
    await harness.publish([translated(variation)]);
    const varied = await foreignConviction(personId, ecrisId, (c) => c.version === 2);
    expect(varied.sanctions[0]).toMatchObject({ kind: 'SUSPENDED_CUSTODY', duration: 'P18M', suspendedFor: 'P2Y' });
    expect(varied.sourceMessageId).toBe(variation.sourceMessageId);

    const deletion = translatedNotification({ surname, updates: ecrisId, deleteFromRegister: true });
    await harness.publish([translated(deletion)]);
    const deleted = await foreignConviction(personId, ecrisId, (c) => c.deleted);
    expect(deleted).toMatchObject({ version: 3, deletionReason: 'DELETE_FROM_REGISTER', sourceMessageId: deletion.sourceMessageId });

    const history = await reader.historyOf(deleted.convictionId);
    expect(history.map((v) => [v.version, v.change, v.sourceMessageId])).toEqual([
      [1, 'CREATED', original.sourceMessageId],
      [2, 'SANCTIONS_VARIED', variation.sourceMessageId],
      [3, 'DELETED', deletion.sourceMessageId],
    ]);
    expect(history[0]?.content.sanctions[0]?.duration).toBe('P2Y');
    expect((await updatesOf(ecrisId, 3)).map((u) => [u.change, u.entryVersion])).toEqual([
      ['CREATED', 1],
      ['REPLACED', 2],
      ['DELETED', 3],
    ]);
  });

  it('holds an update that overtakes its conviction and applies it when the conviction arrives', async () => {
    const surname = uniqueSurname();
    const personId = await ukPerson(surname);
    const original = translatedNotification({ surname });
    const ecrisId = original.convictions[0]!.convictionId;
    const deletion = translatedNotification({ surname, updates: ecrisId, deleteFromRegister: true });
    await harness.publish([translated(deletion)]);
    await eventually(async () => (await deferredCount(db, ecrisId)) === 1);

    await harness.publish([translated(original)]);
    const conviction = await foreignConviction(personId, ecrisId, (c) => c.deleted);
    expect(conviction.version).toBe(2);
    expect(await deferredCount(db, ecrisId)).toBe(0);
  });

  it('sends an ambiguous person to the operator queue and asks the sender for more, rather than guess', async () => {
    const surname = uniqueSurname();
    const twinA = await ukPerson(surname, ['John']);
    const twinB = await ukPerson(surname, ['James']);
    const value = translatedNotification({ surname, forename: 'J', birthDate: { year: 1990, month: 5, day: 17 } });
    const notId = value.sourceMessageId;
    await harness.publish([translated(value)]);

    const reviews = await harness.readUntil('register.register-update.match-reviews.v1', (read) => read.some((r) => r.key?.toString() === notId));
    const review = decoded<ReviewTaskRaised>(reviews.find((r) => r.key?.toString() === notId)!);
    expect(review).toMatchObject({ kind: 'IDENTITY_MATCH', sourceMessageId: notId });
    expect(review.reason).toContain('2 candidate(s)');
    expect(review.reason).not.toContain(surname);

    const outbound = await harness.readUntil('ecris.outbound.v1', (read) => read.some((r) => r.key?.toString() === notId));
    const raiRecord = outbound.find((r) => r.key?.toString() === notId)!;
    expect(harness.decode(raiRecord).writer.fullName).toBe(SchemaNames.requestAdditionalInfo);
    const rai = decoded<RequestAdditionalInfo>(raiRecord);
    expect(rai.header).toMatchObject({ responseTo: notId, sender: 'GB', receiver: 'ES' });
    expect(rai.header.messageId).toMatch(/^GB-ES-RAI-[0-9]{15}$/);
    expect(rai.informationRequested).toEqual(expect.arrayContaining(['IdentityNumber', 'Fingerprints']));

    // Stored (nothing notified is lost), but on nobody's record until an operator decides.
    const { rows } = await db.query<{ identification: string; person_id: string | null }>(
      'SELECT identification, person_id FROM register.convictions WHERE ecris_conviction_id = $1',
      [value.convictions[0]!.convictionId],
    );
    expect(rows).toEqual([{ identification: 'AWAITING_IDENTIFICATION', person_id: null }]);
    expect(await reader.convictionsOf(twinA)).toHaveLength(1);
    expect(await reader.convictionsOf(twinB)).toHaveLength(1);
  });

  it('applies the same inbound message once, however often it is delivered', async () => {
    const surname = uniqueSurname();
    const personId = await ukPerson(surname);
    const value = translatedNotification({ surname });
    const ecrisId = value.convictions[0]!.convictionId;
    const duplicatesBefore = await counter('ecris_register_duplicates_total');
    const consumedBefore = await counter('ecris_records_consumed_total');
    // The same record twice (same ce_id), then the same NOT translated again (a new event, same message).
    await harness.publish([translated(value), translated(value)]);
    await harness.publish([translated({ ...value, meta: { ...value.meta, id: `${value.meta.id.slice(0, -4)}beef` } })]);

    await foreignConviction(personId, ecrisId);
    await eventually(async () => (await counter('ecris_register_duplicates_total')) >= duplicatesBefore + 1);
    await eventually(async () => (await counter('ecris_records_consumed_total')) >= consumedBefore + 3);
    const { rows } = await db.query<{ versions: string }>(
      `SELECT count(*)::text AS versions FROM register.conviction_versions v
         JOIN register.convictions c USING (conviction_id) WHERE c.ecris_conviction_id = $1`,
      [ecrisId],
    );
    expect(rows[0]?.versions).toBe('1');
    const updates = (await harness.readAll('register.register-update.register-updated.v1')).filter((r) => r.key?.toString() === ecrisId);
    expect(new Set(updates.map((r) => decoded<RegisterUpdated>(r).meta.id)).size).toBe(1);
  });

  it('keeps UK convictions from the court feed with their versions, and marks a removed one deleted', async () => {
    const recorded = convictionRecorded(`T${uniqueSerial()}`, { surname: uniqueSurname(), pncId: `20/${uniqueSerial()}X` });
    const reference = recorded.convictionReference;
    await harness.publish([
      court(SchemaNames.convictionRecorded, recorded),
      court(SchemaNames.convictionAmended, convictionAmended(recorded, { duration: 'P18M', suspendedFor: 'P2Y' })),
      court(SchemaNames.convictionRemoved, convictionRemoved(reference)),
    ]);
    expect((await updatesOf(reference, 3)).map((u) => [u.change, u.entryVersion, u.convictingState])).toEqual([
      ['CREATED', 1, 'GB'],
      ['REPLACED', 2, 'GB'],
      ['DELETED', 3, 'GB'],
    ]);
    const [person] = await reader.findCandidates({
      forenames: ['X'],
      surname: 'Unrelated',
      birthDate: { year: 1800, month: null, day: null },
      identifiers: [{ kind: 'PNC_ID', value: recorded.conviction.person.pncId!, country: null }],
    });
    const [conviction] = await reader.convictionsOf(person!.personId);
    expect(conviction).toMatchObject({ origin: 'UK', courtReference: reference, deleted: true, deletionReason: 'QUASHED_ON_APPEAL', onRegister: true });
    expect((await reader.historyOf(conviction!.convictionId)).map((v) => v.change)).toEqual(['CREATED', 'SANCTIONS_VARIED', 'DELETED']);
  });

  it('dead-letters what can never go on the register, with its provenance', async () => {
    const notOurs = translatedNotification();
    notOurs.person!.nationalityRefs = ['CO-00-724-ESP'];
    const garbage: RawTestRecord = { topic: 'exchange.translation.text-translated.v1', key: 'garbage', value: Buffer.from('not avro') };
    await harness.publish([translated(notOurs), garbage]);

    const dlq = await harness.readUntil('ecris-exchange.register-update.dlq', (read) => read.length >= 2);
    const byKey = new Map(dlq.map((r) => [r.key?.toString(), r]));
    const rejected = byKey.get(notOurs.sourceMessageId)!;
    expect(rejected.headers['dlq-error-message']?.toString()).not.toContain(notOurs.person!.name.surname.text);
    expect(rejected.headers['dlq-error-code']?.toString()).toBe('NOT_A_UK_NATIONAL');
    expect(rejected.headers['dlq-error-class']?.toString()).toBe('validation');
    expect(rejected.headers['dlq-original-topic']?.toString()).toBe(harness.topic('exchange.translation.text-translated.v1'));
    expect(rejected.value?.equals(translated(notOurs).value!)).toBe(true);
    expect(byKey.get('garbage')?.headers['dlq-error-class']?.toString()).toBe('deserialization');
  });

  it('retries a transient database failure in place, then applies the record', async () => {
    const surname = uniqueSurname();
    const personId = await ukPerson(surname);
    const retriesBefore = await counter('ecris_transient_retries_total');
    storeFailures.failNext(3);
    const value = translatedNotification({ surname });
    await harness.publish([translated(value)]);

    await foreignConviction(personId, value.convictions[0]!.convictionId);
    expect(storeFailures.failed).toBe(3);
    expect(await counter('ecris_transient_retries_total')).toBeGreaterThanOrEqual(retriesBefore + 3);
  });
});

async function deferredCount(db: SqlDatabase, ecrisId: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*)::text AS count FROM register.deferred_updates WHERE ecris_conviction_id = $1', [ecrisId]);
  return Number(rows[0]?.count);
}
