/**
 * register-update applying translated NOTs in batch transactions (person searches and conviction
 * lookups run ahead, new convictions written together): the register must end exactly as one record at
 * a time leaves it, also when a conviction and its update, in either order, meet in one batch.
 */
import { SchemaNames, type TextTranslated } from '@ecris/contracts';
import type { SqlDatabase } from '@ecris/messaging';
import { RegisterReader, type RegisterConviction } from '@ecris/register';
import { startService, type RunningService } from '@ecris/service-kit';
import { eventually, startTestService, type TestRecord, type TestService } from '@ecris/testing';
import { registerUpdateDefinition } from './definition';
import { convictionRecorded, translatedNotification, uniqueSerial, uniqueSurname } from './testing/fixtures';

jest.setTimeout(60_000);

describe('register-update applying translated NOTs in batches', () => {
  let harness: TestService<RunningService>;
  let db: SqlDatabase;
  let reader: RegisterReader;

  beforeAll(async () => {
    harness = await startTestService((env) => startService(registerUpdateDefinition, env), { label: 'register-batch', database: 'postgres' });
    db = harness.service.database!;
    reader = new RegisterReader(db);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** UK nationals put on the register through the court feed, all in one go; their person ids by surname. */
  async function ukPersons(surnames: readonly string[]): Promise<Map<string, string>> {
    await harness.publish(
      surnames.map((surname) => {
        const value = convictionRecorded(`T${uniqueSerial()}`, { surname });
        return { topic: 'courts.convictions.v1', key: value.convictionReference, schema: SchemaNames.convictionRecorded, value };
      }),
    );
    const ids = new Map<string, string>();
    await eventually(async () => {
      for (const surname of surnames) {
        const [person] = await reader.findCandidates({ forenames: ['Sam'], surname, birthDate: { year: 1990, month: 5, day: 17 } });
        if (person) ids.set(surname, person.personId);
      }
      return ids.size === surnames.length;
    });
    return ids;
  }

  /** Keyed as given: records of one key share a partition, so they meet in one batch, in this order. */
  const translated = (value: TextTranslated, key = value.sourceMessageId): TestRecord => ({
    topic: 'exchange.translation.text-translated.v1',
    key,
    schema: SchemaNames.textTranslated,
    value,
  });

  async function conviction(personId: string, ecrisId: string, ready: (c: RegisterConviction) => boolean): Promise<RegisterConviction> {
    let found: RegisterConviction | undefined;
    await eventually(async () => {
      found = (await reader.convictionsOf(personId)).find((c) => c.ecrisConvictionId === ecrisId && ready(c));
      return found !== undefined;
    });
    return found!;
  }

  /** Translated NOTs applied in committed batch transactions so far. */
  const batchRecords = async () => {
    const line = /^ecris_batch_records_total\{[^}]*(?=[^}]*outcome="committed")(?=[^}]*text-translated)[^}]*\} ([0-9.]+)$/m;
    const match = line.exec(await harness.metrics());
    return match ? Number(match[1]) : 0;
  };

  it('ends with the register one record at a time gives, having applied them in batch transactions', async () => {
    const [varied, overtaken, twice, ...plain] = Array.from({ length: 9 }, () => uniqueSurname('Batch'));
    const persons = await ukPersons([varied!, overtaken!, twice!, ...plain]);

    const original = translatedNotification({ surname: varied });
    const variedId = original.convictions[0]!.convictionId;
    const variation = translatedNotification({ surname: varied, updates: variedId, sentence: { duration: 'P18M', suspendedFor: 'P2Y' } });
    const late = translatedNotification({ surname: overtaken });
    const lateId = late.convictions[0]!.convictionId;
    const deletion = translatedNotification({ surname: overtaken, updates: lateId, deleteFromRegister: true });
    const repeated = translatedNotification({ surname: twice });
    const plainNots = plain.map((surname) => translatedNotification({ surname }));
    const batchedBefore = await batchRecords();

    await harness.publish([
      // A conviction and its variation, one after the other in one batch.
      translated(original, 'batch-varied'),
      translated(variation, 'batch-varied'),
      // A deletion that overtook its conviction: held, then applied when the conviction comes, in the same batch.
      translated(deletion, 'batch-overtaken'),
      translated(late, 'batch-overtaken'),
      translated(repeated),
      translated(repeated),
      ...plainNots.map((value) => translated(value)),
    ]);

    const variedConviction = await conviction(persons.get(varied!)!, variedId, (c) => c.version === 2);
    expect(variedConviction.sanctions[0]).toMatchObject({ kind: 'SUSPENDED_CUSTODY', duration: 'P18M', suspendedFor: 'P2Y' });
    expect((await reader.historyOf(variedConviction.convictionId)).map((v) => v.sourceMessageId)).toEqual([original.sourceMessageId, variation.sourceMessageId]);

    const deleted = await conviction(persons.get(overtaken!)!, lateId, (c) => c.deleted);
    expect(deleted.version).toBe(2);
    const { rows: held } = await db.query('SELECT 1 FROM register.deferred_updates WHERE ecris_conviction_id = $1', [lateId]);
    expect(held).toHaveLength(0);

    for (const [index, value] of plainNots.entries()) {
      const stored = await conviction(persons.get(plain[index]!)!, value.convictions[0]!.convictionId, () => true);
      // Found on the person's record: matched to them.
      expect(stored).toMatchObject({ version: 1, sourceMessageId: value.sourceMessageId });
    }
    await conviction(persons.get(twice!)!, repeated.convictions[0]!.convictionId, () => true);
    const { rows: versions } = await db.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM register.conviction_versions v JOIN register.convictions c USING (conviction_id) WHERE c.ecris_conviction_id = $1',
      [repeated.convictions[0]!.convictionId],
    );
    expect(versions[0]?.n).toBe('1');
    expect(await batchRecords()).toBeGreaterThan(batchedBefore);
  });
});
