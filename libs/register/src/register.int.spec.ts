import { randomUUID } from 'node:crypto';
import { loadMigrations, messagingMigrationsDir, migrate, openDatabase, type SqlDatabase } from '@ecris/messaging';
import { freshTestDatabase, type TestDatabase } from '@ecris/testing';
import { matchPerson } from './matching/match-person';
import { registerMigrations } from './migrations';
import { RegisterReader } from './register-reader';
import { convictionKeyString, RegisterWriter, VersionConflictError } from './register-writer';
import type { ConvictionContent, NewPerson } from './types';

/**
 * Invented people. Each engine's database is this file's own (a fresh PostgreSQL database, or PGlite in
 * memory), so no person an earlier run left can join a search's candidates.
 */
const run = randomUUID().slice(0, 8);
const surname = `Παπαδόπουλος${run.replace(/[0-9]/g, '')}`;

function content(fields: Partial<ConvictionContent> = {}): ConvictionContent {
  return {
    convictionDate: '2025-02-10',
    finalDate: '2025-02-24',
    decidingAuthority: 'Criminal Court No. 3 of Madrid',
    fileNumber: 'PA-1',
    isTransmittable: 'No',
    nonCriminalRuling: 'No',
    offences: [
      {
        offenceId: 'O-00001',
        ecrisCategoryRef: 'O-00-020200',
        offenceCode: null,
        title: 'Participation in a criminal organisation',
        titles: [
          { lang: 'es', translated: false, text: 'Participación en organización criminal' },
          { lang: 'en', translated: true, text: 'Participation in a criminal organisation' },
        ],
        legalProvisions: 'Article 570 bis of the Criminal Code',
        committedFrom: { year: 2024, month: 6, day: null },
        committedTo: null,
        childSexualOffence: false,
        recordableEquivalent: 'YES',
        onRegister: true,
      },
    ],
    sanctions: [
      {
        sanctionId: 'S-00001',
        ecrisCategoryRef: 'S-00-001001',
        sanctionCode: null,
        kind: 'CUSTODY',
        title: 'Imprisonment',
        titles: [{ lang: 'en', translated: true, text: 'Imprisonment' }],
        duration: 'P2Y',
        suspendedFor: null,
        startDate: '2025-02-10',
        endDate: null,
        fineAmount: null,
        fineCurrency: null,
        offenceIds: ['O-00001'],
      },
    ],
    received: { as: 'received' },
    ...fields,
  };
}

const inMemory: TestDatabase = { name: 'pglite', url: '', drop: async () => undefined };

describe.each([
  ['PostgreSQL', () => freshTestDatabase('register')],
  ['PGlite', async () => inMemory],
])('the register on %s', (_engine, provideDatabase) => {
  let database: TestDatabase | undefined;
  let db: SqlDatabase;

  beforeAll(async () => {
    database = await provideDatabase();
    db = await openDatabase(database.url);
    await migrate(db, [...(await loadMigrations(messagingMigrationsDir)), ...(await registerMigrations())]);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const newPerson = (personId: string, fields: Partial<NewPerson> = {}): NewPerson => ({
    personId,
    forenames: ['Georgios'],
    surname: surname.replace('Παπαδόπουλος', 'Papadopoulos'),
    secondSurname: null,
    otherNames: [],
    sex: 'MALE',
    birthDate: { year: 1990, month: 5, day: 17 },
    birthPlace: { country: 'GR', town: 'Athina' },
    nationalities: ['GB', 'GR'],
    identifiers: [{ kind: 'PNC_ID', value: `20/${run}A`, country: null }],
    ...fields,
  });

  it('finds a person written in Latin script from a Greek-script query, and by identifier alone', async () => {
    const personId = `person-${randomUUID()}`;
    await db.transaction((tx) => new RegisterWriter(tx).createPerson(newPerson(personId), '2025-03-01T00:00:00.000Z'));
    const reader = new RegisterReader(db);

    const query = { forenames: ['Γεώργιος'], surname, birthDate: { year: 1990, month: 5, day: 17 }, birthPlace: { country: 'GR', town: 'Αθήνα' } };
    const candidates = await reader.findCandidates(query);
    expect(candidates.map((c) => c.personId)).toContain(personId);
    const result = matchPerson(query, candidates);
    expect(result.outcome).toBe('one');
    expect(result.matches[0]?.personId).toBe(personId);

    const ids = async (birthDate: { year: number; month: number | null; day: number | null }) =>
      (await reader.findCandidates({ ...query, birthDate })).map((c) => c.personId);
    expect(await ids({ year: 1990, month: null, day: null })).toContain(personId);
    expect(await ids({ year: 1990, month: 5, day: null })).toContain(personId);
    expect(await ids({ year: 1990, month: 6, day: null })).not.toContain(personId);
    expect(await ids({ year: 1990, month: 5, day: 18 })).not.toContain(personId);
    expect(await ids({ year: 1991, month: 5, day: 17 })).not.toContain(personId);

    const byId = await reader.findCandidates({
      forenames: ['X'],
      surname: 'Unrelated',
      birthDate: { year: 1901, month: null, day: null },
      identifiers: [{ kind: 'PNC_ID', value: `20${run}a`, country: null }],
    });
    expect(byId.map((c) => c.personId)).toEqual([personId]);
    expect(byId[0]?.identifiers).toEqual([{ kind: 'PNC_ID', country: null, value: `20/${run}A` }]);
  });

  it('creates, finds and searches many at a time as one at a time does', async () => {
    const people = ['Alpha', 'Bravo', 'Charlie'].map((name) => ({ personId: `person-${randomUUID()}`, surname: `${name}${run.replace(/[0-9]/g, '')}` }));
    const keys = people.map(() => ({ origin: 'FOREIGN' as const, convictingState: 'ES', ecrisConvictionId: `ES-C-${randomUUID()}` }));
    const ukKey = { origin: 'UK' as const, courtReference: `T-${randomUUID()}` };
    await db.transaction(async (tx) => {
      const writer = new RegisterWriter(tx);
      for (const person of people) await writer.createPerson(newPerson(person.personId, { surname: person.surname, identifiers: [] }), '2025-03-01T00:00:00.000Z');
      await writer.createConvictions([
        ...people.map((person, index) => ({
          convictionId: `conviction-${randomUUID()}`,
          key: keys[index]!,
          personId: person.personId,
          identification: 'MATCHED' as const,
          matchCandidates: [],
          sourceMessageId: `ES-GB-NOT-00000000000000${index}`,
          sourceEventId: `event-many-${index}`,
          at: '2025-03-02T10:00:00.000Z',
          content: content({ fileNumber: `PA-${index}` }),
        })),
        {
          convictionId: `conviction-${randomUUID()}`,
          key: ukKey,
          personId: people[0]!.personId,
          identification: 'MATCHED' as const,
          matchCandidates: [],
          sourceMessageId: 'court-event-1',
          sourceEventId: 'event-many-uk',
          at: '2025-03-02T11:00:00.000Z',
          content: content({ fileNumber: 'UK-1' }),
        },
      ]);
      await writer.deferUpdate({
        convictingState: 'ES',
        ecrisConvictionId: keys[1]!.ecrisConvictionId,
        sourceMessageId: 'ES-GB-NOT-000000000000009',
        sourceEventId: `event-deferred-${run}`,
        receivedAt: '2025-03-03T10:00:00.000Z',
        payload: { note: 'held' },
      });
    });

    const reader = new RegisterReader(db);
    const [alpha, bravo, charlie] = await Promise.all(people.map((person) => reader.convictionsOf(person.personId)));
    expect(alpha!.map((c) => c.fileNumber).sort()).toEqual(['PA-0', 'UK-1']);
    expect(bravo!.map((c) => [c.ecrisConvictionId, c.version, c.offences.length, c.sanctions.length])).toEqual([[keys[1]!.ecrisConvictionId, 1, 1, 1]]);
    expect(charlie!.map((c) => c.fileNumber)).toEqual(['PA-2']);

    const queries = people.map((person) => ({ forenames: ['Georgios'], surname: person.surname, birthDate: { year: 1990, month: 5, day: 17 } }));
    const many = await reader.findCandidatesOfEach([...queries, { forenames: ['Nobody'], surname: `Nobody${run}`, birthDate: { year: 1970, month: null, day: null } }]);
    expect(many.map((found) => found.map((p) => p.personId))).toEqual([...people.map((person) => [person.personId]), []]);
    expect(many.slice(0, 3)).toEqual(await Promise.all(queries.map((query) => reader.findCandidates(query))));

    await db.transaction(async (tx) => {
      const writer = new RegisterWriter(tx);
      const missing = { origin: 'FOREIGN' as const, convictingState: 'ES', ecrisConvictionId: `ES-C-${randomUUID()}` };
      const heads = await writer.findConvictions([...keys, ukKey, missing]);
      expect([...heads.keys()].sort()).toEqual([...keys, ukKey].map(convictionKeyString).sort());
      expect(heads.get(convictionKeyString(ukKey))).toMatchObject({ version: 1, personId: people[0]!.personId, sourceMessageId: 'court-event-1' });
      expect(heads.get(convictionKeyString(keys[2]!))).toEqual(await writer.findConviction(keys[2]!));
      expect([...(await writer.deferredUpdateKeys([...keys, missing]))]).toEqual([convictionKeyString(keys[1]!)]);
    });
  });

  it('keeps every version, guards against stale writers and returns deleted convictions flagged', async () => {
    const personId = `person-${randomUUID()}`;
    const convictionId = `conviction-${randomUUID()}`;
    const key = { origin: 'FOREIGN' as const, convictingState: 'ES', ecrisConvictionId: `ES-C-${randomUUID()}` };
    await db.transaction(async (tx) => {
      const writer = new RegisterWriter(tx);
      await writer.createPerson(newPerson(personId), '2025-03-01T00:00:00.000Z');
      await writer.createConviction({
        convictionId,
        key,
        personId,
        identification: 'MATCHED',
        matchCandidates: [],
        sourceMessageId: 'ES-GB-NOT-000000000000001',
        sourceEventId: 'event-1',
        at: '2025-03-02T10:00:00.000Z',
        content: content(),
      });
    });

    const varied = content({
      sanctions: [{ ...content().sanctions[0]!, kind: 'SUSPENDED_CUSTODY', duration: 'P18M', suspendedFor: 'P2Y' }],
    });
    await db.transaction(async (tx) => {
      const writer = new RegisterWriter(tx);
      const head = await writer.findConviction(key);
      expect(head).toMatchObject({ convictionId, version: 1, deleted: false, personId });
      await writer.addVersion({
        convictionId,
        expectedVersion: 1,
        change: 'SANCTIONS_VARIED',
        sourceMessageId: 'ES-GB-NOT-000000000000002',
        sourceEventId: 'event-2',
        at: '2025-03-03T10:00:00.000Z',
        content: varied,
      });
    });
    await expect(
      db.transaction((tx) =>
        new RegisterWriter(tx).markDeleted({
          convictionId,
          expectedVersion: 1,
          reason: 'DELETE_FROM_REGISTER',
          sourceMessageId: 'x',
          sourceEventId: 'x',
          at: '2025-03-04T10:00:00.000Z',
        }),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);

    const reader = new RegisterReader(db);
    let [current] = await reader.convictionsOf(personId);
    expect(current).toMatchObject({
      convictionId,
      origin: 'FOREIGN',
      convictingState: 'ES',
      ecrisConvictionId: key.ecrisConvictionId,
      sourceMessageId: 'ES-GB-NOT-000000000000002',
      isTransmittable: 'No',
      recordableEquivalent: 'YES',
      onRegister: true,
      deleted: false,
      version: 2,
      notifiedAt: '2025-03-02T10:00:00.000Z',
      convictionDate: '2025-02-10',
    });
    expect(current?.sanctions).toEqual(varied.sanctions);
    expect(current?.offences).toEqual(content().offences);

    await db.transaction((tx) =>
      new RegisterWriter(tx).markDeleted({
        convictionId,
        expectedVersion: 2,
        reason: 'DELETE_FROM_REGISTER',
        sourceMessageId: 'ES-GB-NOT-000000000000003',
        sourceEventId: 'event-3',
        at: '2025-03-04T10:00:00.000Z',
      }),
    );
    [current] = await reader.convictionsOf(personId);
    expect(current).toMatchObject({ deleted: true, deletedAt: '2025-03-04T10:00:00.000Z', deletionReason: 'DELETE_FROM_REGISTER', version: 3 });
    const history = await reader.historyOf(convictionId);
    expect(history.map((v) => [v.version, v.change, v.sourceEventId])).toEqual([
      [1, 'CREATED', 'event-1'],
      [2, 'SANCTIONS_VARIED', 'event-2'],
      [3, 'DELETED', 'event-3'],
    ]);
    expect(history[0]?.content.sanctions[0]?.duration).toBe('P2Y');
  });

  it('holds an early update until its conviction arrives, once per source event', async () => {
    const ecrisConvictionId = `ES-C-${randomUUID()}`;
    const update = {
      convictingState: 'ES',
      ecrisConvictionId,
      sourceMessageId: 'ES-GB-NOT-000000000000009',
      sourceEventId: `event-${randomUUID()}`,
      receivedAt: '2025-03-05T00:00:00.000Z',
      payload: { any: 'thing' },
    };
    await db.transaction(async (tx) => {
      await new RegisterWriter(tx).deferUpdate(update);
      await new RegisterWriter(tx).deferUpdate(update);
    });
    const taken = await db.transaction((tx) => new RegisterWriter(tx).takeDeferredUpdates('ES', ecrisConvictionId));
    expect(taken).toEqual([update]);
    expect(await db.transaction((tx) => new RegisterWriter(tx).takeDeferredUpdates('ES', ecrisConvictionId))).toEqual([]);
  });
});
