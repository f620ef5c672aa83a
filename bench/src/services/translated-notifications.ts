import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaNames, type TextTranslated } from '@ecris/contracts';
import { metaToHeaders, type AvroCodec, type RawOutboundRecord, type SqlDatabase } from '@ecris/messaging';
import { RegisterWriter, type NewPerson } from '@ecris/register';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import { syntheticSurname } from './synthetic-names';

const FIXTURE = JSON.parse(
  readFileSync(join(REPO_SCHEMAS_DIR, 'uk', 'ecris', 'exchange', 'fixtures', 'TextTranslated.v2.json'), 'utf8'),
) as TextTranslated;

/** The UK national the `index`th notification is about, as the court feed would have put them on the register. */
export function registeredPerson(salt: string, index: number): NewPerson {
  return {
    personId: `bench-${salt}-${index}`,
    forenames: ['Sam'],
    surname: syntheticSurname(index),
    secondSurname: null,
    otherNames: [],
    sex: 'MALE',
    birthDate: { year: 1990, month: 5, day: 17 },
    birthPlace: { country: 'GB', town: 'Leeds' },
    nationalities: ['GB'],
    identifiers: [],
  };
}

/**
 * Puts the persons on the register through the register's own writer (the SQL register-update runs),
 * a few hundred per transaction. Done before the service starts: it is the state, not the work measured.
 */
export async function seedPersons(db: SqlDatabase, salt: string, count: number): Promise<void> {
  const at = '2025-01-01T00:00:00.000Z';
  for (let from = 0; from < count; from += 500) {
    await db.transaction(async (tx) => {
      const writer = new RegisterWriter(tx);
      for (let index = from; index < Math.min(count, from + 500); index++) await writer.createPerson(registeredPerson(salt, index), at);
    });
  }
  await db.query('ANALYZE');
}

/**
 * A translated NOT (TextTranslated v2, as translation emits it) about the `index`th registered person:
 * a new Spanish conviction (the fixture's), keyed by its ECRIS message id as translation keys it.
 */
export function translatedNotification(codec: AvroCodec, topic: string, index: number, serialBase: bigint): RawOutboundRecord {
  const sender = 'ES';
  const messageId = `${sender}-GB-NOT-${(serialBase + BigInt(index)).toString().padStart(15, '0')}`;
  const person = FIXTURE.person!;
  const [conviction] = FIXTURE.convictions;
  const value: TextTranslated = {
    ...FIXTURE,
    meta: { ...FIXTURE.meta, id: randomUUID(), correlationId: messageId, subject: messageId },
    translationId: `TR-${messageId}`,
    sourceMessageId: messageId,
    senderState: sender,
    person: {
      ...person,
      name: { ...person.name, forename: { lang: null, text: 'Sam' }, surname: { lang: null, text: syntheticSurname(index) } },
    },
    convictions: [{ ...conviction!, convictionId: `${sender}-C-${messageId.slice(-15)}` }],
  };
  return { topic, key: messageId, value: codec.encode(SchemaNames.textTranslated, value), headers: metaToHeaders(value.meta) };
}
