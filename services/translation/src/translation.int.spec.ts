import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import {
  SchemaNames,
  type OperatorAction,
  type ReviewTaskCompleted,
  type ReviewTaskRaised,
  type TextTranslated,
  type TranslationRequested,
} from '@ecris/contracts';
import type { ConsumedRecord } from '@ecris/messaging';
import { startService, type RunningService } from '@ecris/service-kit';
import { eventually, startTestService, uniqueSerials, type TestService } from '@ecris/testing';
import { HttpMachineTranslator } from './adapters/http-machine-translator';
import { OperatorActionHandler } from './handlers/operator-action.handler';
import { TranslationRequestedHandler } from './handlers/translation-requested.handler';
import { MACHINE_TRANSLATOR } from './ports';
import { freeStandingTranslationRequest, operatorActionFixture, spanishTranslationRequest } from './testing/fixtures';
import { definition } from './translation.definition';
import { translationProviders } from './translation.module';

/**
 * A real machine-translation server on a local port, speaking our JSON contract: it knows a dictionary,
 * answers 422 for a batch with a text it does not know, and 503 while `failNext` > 0.
 */
class FakeMachineTranslationServer {
  readonly dictionary = new Map<string, string>();
  readonly calls: { sourceLang: string | null; texts: string[] }[] = [];
  failNext = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const asked = JSON.parse(body) as { sourceLang: string | null; targetLang: string; texts: string[] };
        this.calls.push({ sourceLang: asked.sourceLang, texts: asked.texts });
        if (this.failNext > 0) {
          this.failNext -= 1;
          response.writeHead(503).end();
          return;
        }
        const translations = asked.texts.map((text) => this.dictionary.get(text));
        if (asked.targetLang !== 'en' || translations.some((t) => t === undefined)) {
          response.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"unsupported text"}');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translations }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/translate`;
  }

  callsFor(text: string): number {
    return this.calls.filter((call) => call.texts.includes(text)).length;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const mt = new FakeMachineTranslationServer();
let mtUrl = '';

@Module({
  controllers: [TranslationRequestedHandler, OperatorActionHandler],
  providers: translationProviders({ provide: MACHINE_TRANSLATOR, useFactory: () => new HttpMachineTranslator(mtUrl, 2_000) }),
})
class TestTranslationModule {}

const nextSerial = uniqueSerials();

/** A Spanish NOT's request whose four texts are unique to this test, so the shared memory cannot already hold them. */
function uniqueRequest(): { request: TranslationRequested; spanish: string[]; english: Map<string, string> } {
  const serial = nextSerial();
  const request = spanishTranslationRequest(`ES-GB-NOT-${serial}`);
  request.meta = { ...request.meta, id: `00000000-0000-5000-8000-${serial.slice(3)}` };
  const conviction = request.convictions[0];
  const tag = ` #${serial}`;
  conviction.decidingAuthority.name[0].text += tag;
  conviction.offences[0].applicableLegalProvisions += tag;
  conviction.offences[0].nationalTitle[0].text += tag;
  conviction.sanctions[0].nationalTitle[0].text += tag;
  const spanish = [
    conviction.decidingAuthority.name[0].text,
    conviction.offences[0].applicableLegalProvisions,
    conviction.offences[0].nationalTitle[0].text,
    conviction.sanctions[0].nationalTitle[0].text,
  ];
  const english = new Map(spanish.map((text, i) => [text, `${['Criminal Court No. 3 of Madrid', 'Article 570 bis of the Criminal Code', 'Participation in a criminal organisation', 'Imprisonment'][i]}${tag}`]));
  return { request, spanish, english };
}

describe('translation', () => {
  let harness: TestService<RunningService>;

  beforeAll(async () => {
    mtUrl = await mt.start();
    harness = await startTestService(
      (env) => startService({ ...definition, module: TestTranslationModule, transport: { backoff: { initialMs: 20, maxMs: 100 } } }, env),
      { label: 'translation', database: 'postgres' },
    );
  });

  afterAll(async () => {
    await harness?.stop();
    await mt.stop();
  });

  async function requestTranslation(request: TranslationRequested, topic = 'exchange.notification-in.translation-requested.v1', copies = 1) {
    const record = { topic, key: request.meta.correlationId, schema: SchemaNames.translationRequested, value: request };
    await harness.publish(Array.from({ length: copies }, () => record));
  }

  const valueOf = <T>(record: ConsumedRecord) => harness.decode<T>(record).value;

  async function translated(translationId: string): Promise<TextTranslated> {
    const records = await harness.readUntil('exchange.translation.text-translated.v1', (read) =>
      read.some((r) => valueOf<TextTranslated>(r).translationId === translationId),
    );
    return valueOf<TextTranslated>(records.find((r) => valueOf<TextTranslated>(r).translationId === translationId)!);
  }

  async function reviewTasks(predicate: (values: unknown[]) => boolean): Promise<unknown[]> {
    const records = await harness.readUntil('exchange.translation.review-tasks.v1', (read) => predicate(read.map((r) => valueOf(r))));
    return records.map((r) => valueOf(r));
  }

  const sql = <T>(text: string, params: unknown[]) => harness.service.database!.query<T>(text, params);

  const remember = (sourceText: string, translatedText: string) =>
    sql(
      `INSERT INTO translation.memory (source_lang, target_lang, source_sha256, source_text, translated_text, reviewed_by, reviewed_at)
       VALUES ('es', 'en', encode(sha256(convert_to($1, 'UTF8')), 'hex'), $1, $2, 'OPS-TEST', now())`,
      [sourceText, translatedText],
    );

  it('renders a Spanish notification from the translation memory, without asking the machine', async () => {
    const { request, spanish, english } = uniqueRequest();
    for (const text of spanish) await remember(text, english.get(text)!);
    await requestTranslation(request);

    const rendering = await translated(request.translationId);
    expect(rendering.items.map((i) => i.method)).toEqual(['HUMAN', 'HUMAN', 'HUMAN', 'HUMAN']);
    const [conviction] = rendering.convictions;
    expect(conviction.offences[0].nationalTitle).toEqual([
      { lang: 'es', translated: null, text: spanish[2] },
      { lang: 'en', translated: true, text: english.get(spanish[2]) },
    ]);
    expect(conviction.convictingCountry).toMatchObject({ ref: 'CO-00-724-ESP', label: 'Spain' });
    expect(rendering).toMatchObject({ sourceMessageId: request.sourceMessageId, senderState: 'ES', messageType: 'NOT' });
    expect(spanish.map((text) => mt.callsFor(text))).toEqual([0, 0, 0, 0]);
  });

  it('translates through the HTTP machine-translation adapter what the memory lacks, and keeps machine output out of the memory', async () => {
    const { request, spanish, english } = uniqueRequest();
    await remember(spanish[3], english.get(spanish[3])!);
    for (const text of spanish.slice(0, 3)) mt.dictionary.set(text, english.get(text)!);
    await requestTranslation(request);

    const rendering = await translated(request.translationId);
    expect(Object.fromEntries(rendering.items.map((i) => [i.path, i.method]))).toEqual({
      'convictions[0].decidingAuthority.name[0]': 'MACHINE',
      'convictions[0].offences[0].applicableLegalProvisions': 'MACHINE',
      'convictions[0].offences[0].nationalTitle[0]': 'MACHINE',
      'convictions[0].sanctions[0].nationalTitle[0]': 'HUMAN',
    });
    expect(rendering.convictions[0].offences[0].applicableLegalProvisions[1]).toEqual({ lang: 'en', translated: true, text: english.get(spanish[1]) });
    expect(mt.calls.find((call) => call.texts.includes(spanish[0]))).toEqual({ sourceLang: 'es', texts: spanish.slice(0, 3) });
    const stored = await sql('SELECT 1 FROM translation.memory WHERE source_text = ANY($1)', [spanish.slice(0, 3)]);
    expect(stored.rowCount).toBe(0);
  });

  it('raises a review task for what neither can translate; the operator\'s translation resumes the flow and fills the memory', async () => {
    const { request, spanish, english } = uniqueRequest();
    for (const text of spanish.slice(0, 2)) await remember(text, english.get(text)!);
    await requestTranslation(request);

    const taskId = `RT-${request.translationId}`;
    const [raised] = (await reviewTasks((values) => values.some((v) => (v as ReviewTaskRaised).taskId === taskId))).filter(
      (v) => (v as ReviewTaskRaised).taskId === taskId,
    ) as ReviewTaskRaised[];
    expect(raised).toMatchObject({ kind: 'TRANSLATION', sourceMessageId: request.sourceMessageId });
    expect(raised.texts.map((t) => [t.path, t.text])).toEqual([
      ['convictions[0].offences[0].nationalTitle[0]', spanish[2]],
      ['convictions[0].sanctions[0].nationalTitle[0]', spanish[3]],
    ]);
    expect(raised.reason).not.toContain(spanish[2]);

    const action: OperatorAction = {
      ...operatorActionFixture(),
      meta: { ...operatorActionFixture().meta, id: `${request.meta.id.slice(0, -4)}0a0a`, correlationId: request.sourceMessageId },
      actionId: `OA-${request.translationId}`,
      actor: 'OPS-0042',
      action: 'TRANSLATION_ENTERED',
      reason: 'translated the review task',
      exchangeId: request.sourceMessageId,
      targets: [],
      details: {
        taskId,
        'en:convictions[0].offences[0].nationalTitle[0]': english.get(spanish[2])!,
        'en:convictions[0].sanctions[0].nationalTitle[0]': english.get(spanish[3])!,
      },
    };
    await harness.publish([{ topic: 'ops.actions.v1', key: request.sourceMessageId, schema: SchemaNames.operatorAction, value: action }]);

    const rendering = await translated(request.translationId);
    expect(rendering.items.every((item) => item.method === 'HUMAN')).toBe(true);
    expect(rendering.convictions[0].sanctions[0].nationalTitle[1]).toEqual({ lang: 'en', translated: true, text: english.get(spanish[3]) });
    const completed = (await reviewTasks((values) => values.some((v) => (v as ReviewTaskCompleted).outcome !== undefined && (v as ReviewTaskCompleted).taskId === taskId))).find(
      (v) => (v as ReviewTaskCompleted).outcome !== undefined && (v as ReviewTaskCompleted).taskId === taskId,
    );
    expect(completed).toMatchObject({ outcome: 'ACCEPTED', completedBy: 'OPS-0042' });
    const memory = await sql<{ reviewed_by: string }>('SELECT reviewed_by FROM translation.memory WHERE source_text = $1', [spanish[3]]);
    expect(memory.rows).toEqual([{ reviewed_by: 'OPS-0042' }]);
  });

  it('retries in place when the machine translation server answers 503, then translates', async () => {
    const { request, spanish, english } = uniqueRequest();
    for (const text of spanish) mt.dictionary.set(text, english.get(text)!);
    mt.failNext = 2;
    await requestTranslation(request);

    const rendering = await translated(request.translationId);
    expect(rendering.items.map((i) => i.method)).toEqual(['MACHINE', 'MACHINE', 'MACHINE', 'MACHINE']);
    expect(mt.callsFor(spanish[0])).toBe(3);
    await eventually(async () => /ecris_transient_retries_total\{[^}]*error_code="MT_UNAVAILABLE"[^}]*\} 2/.test(await harness.metrics()));
  });

  it('answers a request delivered twice once, and a v1 request of free-standing texts from request-out', async () => {
    const { request, spanish, english } = uniqueRequest();
    for (const text of spanish) await remember(text, english.get(text)!);
    await requestTranslation(request, 'exchange.notification-in.translation-requested.v1', 2);

    const v1 = freeStandingTranslationRequest();
    v1.translationId = `TR-v1-${request.translationId}`;
    v1.meta = { ...v1.meta, id: `${request.meta.id.slice(0, -4)}0b0b`, correlationId: request.sourceMessageId };
    v1.items = [{ path: 'convictions[0].offences[0].nationalTitle[0]', sourceLang: 'es', text: spanish[2] }];
    await requestTranslation(v1, 'exchange.request-out.translation-requested.v1');

    expect((await translated(v1.translationId)).items).toEqual([
      { path: 'convictions[0].offences[0].nationalTitle[0]', sourceLang: 'es', text: english.get(spanish[2]), method: 'HUMAN' },
    ]);
    await translated(request.translationId);
    const all = await harness.readAll('exchange.translation.text-translated.v1');
    expect(all.filter((r) => valueOf<TextTranslated>(r).translationId === request.translationId)).toHaveLength(1);
  });

  it('dead-letters a request with nothing to translate and undecodable bytes, with provenance', async () => {
    const { request } = uniqueRequest();
    const empty: TranslationRequested = { ...request, items: [], convictions: [], person: null, remarks: [] };
    await requestTranslation(empty);
    await harness.publish([{ topic: 'exchange.request-out.translation-requested.v1', key: 'poison-key', value: Buffer.from('not avro') }]);

    const dlq = await harness.readUntil('ecris-exchange.translation.dlq', (read) => read.length >= 2);
    const byKey = new Map(dlq.map((r) => [r.key?.toString(), r]));
    expect(byKey.get(request.meta.correlationId)?.headers['dlq-error-code']?.toString()).toBe('EMPTY_TRANSLATION_REQUEST');
    expect(byKey.get('poison-key')?.headers['dlq-error-class']?.toString()).toBe('deserialization');
    expect(byKey.get('poison-key')?.headers['dlq-original-topic']?.toString()).toBe(harness.topic('exchange.request-out.translation-requested.v1'));
  });
});
