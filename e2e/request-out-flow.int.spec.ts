/**
 * Process 3 end to end on the real broker and PostgreSQL, with the real translation service: an agency
 * asks about an Italian national; request-out sends the REQ; Italy (played by this test, as the gateway
 * would deliver it) gives its deadline and answers in Italian; translation renders the answer through an
 * HTTP machine translator (a real local server); the agency gets it in English with its provenance.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PreviousConvictionsResponse, Request } from '@ecris/contracts';
import { startService, type RunningService } from '@ecris/service-kit';
import { requestMessageIdOf } from '../services/request-out/src/domain/ecris-ids';
import { conviction, rdl, rrs, submitBody } from '../services/request-out/src/testing/inputs';
import { has, SchemaNames, startRequestOut, valuesOf, type RequestOutUnderTest } from '../services/request-out/src/testing/request-out-harness';
import { definition as translation } from '../services/translation/src/translation.definition';

function startMachineTranslator(): Promise<Server> {
  const phrases: Record<string, string> = { 'Furto aggravato': 'Aggravated theft', Reclusione: 'Imprisonment', 'Tribunale di Torino': 'Court of Turin' };
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

describe('an agency request answered by another state, through request-out and translation', () => {
  let requestOut: RequestOutUnderTest;
  let translator: Server;
  let translationService: RunningService;

  beforeAll(async () => {
    translator = await startMachineTranslator();
    requestOut = await startRequestOut('flow-request-out', { clockStart: '2026-03-02T09:00:00.000Z' });
    translationService = await startService(translation, {
      ...process.env,
      TRANSLATION_MT_URL: `http://127.0.0.1:${(translator.address() as AddressInfo).port}/translate`,
      ECRIS_NAMESPACE: requestOut.ns,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: requestOut.running.config.databaseUrl,
    });
  });

  afterAll(async () => {
    await translationService?.close();
    await requestOut?.close();
    translator?.close();
  });

  it('delivers the Italian answer to the agency in English, with where each conviction came from', async () => {
    const submitted = await requestOut.http('POST', '/v1/requests', 'GMP', submitBody(['IT']));
    expect(submitted.status).toBe(202);
    const requestId = (submitted.body as { requestId: string }).requestId;
    const itReq = requestMessageIdOf('GB', 'IT', requestId);
    const sent = await requestOut.read('ecris.outbound.v1', has(SchemaNames.request, itReq));
    expect(valuesOf<Request>(sent, SchemaNames.request, itReq)[0]?.header).toMatchObject({ sender: 'GB', receiver: 'IT' });

    await requestOut.publish('ecris.inbound.v1', SchemaNames.requestDeadline, rdl('IT', itReq, '2026-03-20', '2026-03-03T10:00:00Z'), itReq);
    const answer = rrs('IT', itReq, [conviction('IT-C-000000000000777')], '2026-03-10T12:00:00Z');
    await requestOut.publish('ecris.inbound.v1', SchemaNames.requestResponse, answer, itReq);

    const responses = await requestOut.read(
      'agency.responses.v1',
      has(SchemaNames.agencyResponse, requestId, (value) => value.complete === true),
      45_000,
    );
    const response = valuesOf<PreviousConvictionsResponse>(responses, SchemaNames.agencyResponse, requestId).filter((v) => v.complete).at(-1)!;
    const sourced = response.answers[0]!.convictions[0]!;
    expect(sourced).toMatchObject({ answeredBy: 'IT', convictingState: 'IT', sourceMessageId: answer.header.messageId });
    expect(sourced.conviction.offences[0]?.nationalTitle).toEqual([
      { lang: 'it', translated: false, text: 'Furto aggravato' },
      { lang: 'en', translated: true, text: 'Aggravated theft' },
    ]);
    expect(response.mergedConvictions).toMatchObject([{ convictionId: 'IT-C-000000000000777', convictingState: 'IT' }]);
  });
});
