/**
 * Process 2 end to end on the real broker and PostgreSQL: a Spanish notification about a UK national
 * goes through notification-in (NRS), translation (an HTTP machine translator, a real local server) and
 * register-update, and lands on the register in English with its provenance. The three services run
 * together in one namespace, exactly as deployed, meeting only on topics.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchemaNames, type Notification } from '@ecris/contracts';
import { AvroCodec, KafkajsRecordSender, metaToHeaders, openDatabase, SchemaArchive, type SqlDatabase } from '@ecris/messaging';
import { RegisterReader, type RegisterConviction } from '@ecris/register';
import { REPO_SCHEMAS_DIR, startService, type RunningService } from '@ecris/service-kit';
import { eventually, provisionNamespace, readUntil, testDatabaseUrl, testKafkaSettings } from '@ecris/testing';
import { definition as notificationIn } from '../services/notification-in/src/notification-in.definition';
import { spanishNotification } from '../services/notification-in/src/testing/spanish-notification';
import { registerUpdateDefinition as registerUpdate } from '../services/register-update/src/definition';
import { convictionRecorded, uniqueSerial, uniqueSurname } from '../services/register-update/src/testing/fixtures';
import { definition as translation } from '../services/translation/src/translation.definition';

const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));

/** A machine translator of our JSON contract (services/translation/README.md) that knows a few phrases. */
function startMachineTranslator(): Promise<Server> {
  const phrases: Record<string, string> = {
    'Participación en organización criminal': 'Participation in a criminal organisation',
    'Trata de seres humanos': 'Trafficking in human beings',
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { texts } = JSON.parse(body) as { texts: string[] };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ translations: texts.map((text) => phrases[text] ?? `[en] ${text}`) }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('an incoming notification about a UK national, through three services', () => {
  let ns: string;
  let translator: Server;
  let services: RunningService[] = [];
  let db: SqlDatabase;

  beforeAll(async () => {
    ns = await provisionNamespace('flow-notification-in');
    translator = await startMachineTranslator();
    const translatorUrl = `http://127.0.0.1:${(translator.address() as AddressInfo).port}/translate`;
    const env = { ...process.env, TRANSLATION_MT_URL: translatorUrl, ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: testDatabaseUrl() };
    services = [await startService(registerUpdate, env), await startService(translation, env), await startService(notificationIn, env)];
    db = await openDatabase(testDatabaseUrl());
  });

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await db?.close();
    translator?.close();
  });

  it('is acknowledged, translated, and put on the register with its provenance', async () => {
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    const surname = uniqueSurname();
    // The person is on the register already, from a UK conviction.
    const recorded = convictionRecorded(`T${uniqueSerial()}`, { surname, forenames: ['Jean'] });
    await sender.send([
      { topic: `${ns}courts.convictions.v1`, key: recorded.convictionReference, value: codec.encode(SchemaNames.convictionRecorded, recorded), headers: metaToHeaders(recorded.meta) },
    ]);
    const reader = new RegisterReader(db);
    const query = { forenames: ['Jean'], surname, birthDate: { year: 1990, month: 5, day: 17 } };
    let personId: string | undefined;
    await eventually(async () => {
      personId = (await reader.findCandidates(query))[0]?.personId;
      return personId !== undefined;
    }, 30_000, 'the UK person on the register');

    const notification: Notification = spanishNotification(BigInt(uniqueSerial()));
    notification.person.name.forename = { lang: 'es', text: 'Jean' };
    notification.person.name.surname = { lang: 'es', text: surname };
    notification.person.birthDate = { year: 1990, month: 5, day: 17 };
    notification.person.birthPlace.townName = [{ lang: 'en', translated: false, text: 'Leeds' }];
    const messageId = notification.header.messageId;
    await sender.send([
      { topic: `${ns}ecris.inbound.v1`, key: messageId, value: codec.encode(SchemaNames.notification, notification), headers: metaToHeaders(notification.meta) },
    ]);
    await sender.disconnect();

    // notification-in acknowledges it to Spain.
    const replies = await readUntil(`${ns}ecris.outbound.v1`, (records) => records.some((r) => responseTo(r.value) === messageId), 30_000);
    const nrs = replies.map((r) => codec.decode(r.value)).find((d) => (d.value as { header: { responseTo: string } }).header.responseTo === messageId);
    expect(nrs?.reader.fullName).toBe(SchemaNames.notificationResponse);
    expect((nrs?.value as { responseTypeRef: string }).responseTypeRef).toBe('NRT-00-00');

    // translation renders it in English, the originals kept.
    const translated = await readUntil(`${ns}exchange.translation.text-translated.v1`, (records) => records.some((r) => sourceOf(r.value) === messageId), 30_000);
    expect(translated.length).toBeGreaterThan(0);

    // register-update puts it on the register against the UK person, with where it came from.
    let conviction: RegisterConviction | undefined;
    await eventually(async () => {
      conviction = (await reader.convictionsOf(personId!)).find((c) => c.sourceMessageId === messageId);
      return conviction !== undefined;
    }, 30_000, 'the Spanish conviction on the register');
    expect(conviction).toMatchObject({ origin: 'FOREIGN', convictingState: 'ES', ecrisConvictionId: notification.conviction.convictionId, deleted: false });
    expect(conviction!.offences[0]?.titles).toEqual([
      { lang: 'es', translated: false, text: 'Participación en organización criminal' },
      { lang: 'en', translated: true, text: 'Participation in a criminal organisation' },
    ]);
  });
});

function responseTo(value: Buffer | null): string | null {
  try {
    return (codec.decode(value).value as { header?: { responseTo?: string | null } }).header?.responseTo ?? null;
  } catch {
    return null;
  }
}

function sourceOf(value: Buffer | null): string | null {
  return (codec.decode(value).value as { sourceMessageId: string }).sourceMessageId;
}
