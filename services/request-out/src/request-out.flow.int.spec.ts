/**
 * request-out end to end on the real broker and PostgreSQL, with the other states and the translation
 * service simulated by publishing what they would send. One service for the file; the clock starts on
 * Monday 2 March 2026 and moves only in the last test (overdue).
 */
import type {
  DeadlineOverdue,
  DeadlineRaised,
  PreviousConvictionsResponse,
  RequestAdditionalInfoResponse,
  Request,
  RequestRejected,
  ReviewTaskRaised,
  FunctionalError,
  TranslationRequested,
} from '@ecris/contracts';
import { eventually } from '@ecris/testing';
import { requestMessageIdOf } from './domain/ecris-ids';
import type { StatusView } from './domain/status-view';
import { agencyRequestRecord, conviction, fem, rai, rdl, rrs, submitBody, translated } from './testing/inputs';
import { has, SchemaNames, startRequestOut, valuesOf, type RequestOutUnderTest } from './testing/request-out-harness';

const START = '2026-03-02T09:00:00.000Z';
const INBOUND = 'ecris.inbound.v1';
const OUTBOUND = 'ecris.outbound.v1';
const RESPONSES = 'agency.responses.v1';

let service: RequestOutUnderTest;

beforeAll(async () => {
  service = await startRequestOut('request-out-flow', { clockStart: START });
}, 60_000);

afterAll(async () => {
  await service?.close();
});

async function submitOverHttp(nationalities: string[], agency = 'GMP', overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await service.http('POST', '/v1/requests', agency, submitBody(nationalities, overrides));
  expect(response.status).toBe(202);
  return (response.body as { requestId: string }).requestId;
}

async function requestSent(requestMessageId: string): Promise<Request> {
  const records = await service.read(OUTBOUND, has(SchemaNames.request, requestMessageId));
  return valuesOf<Request>(records, SchemaNames.request, requestMessageId)[0]!;
}

/** Plays the translation service for the answer to `requestMessageId`. */
async function translate(requestMessageId: string, responseMessageId: string): Promise<void> {
  const topic = 'exchange.request-out.translation-requested.v1';
  const records = await service.read(topic, has(SchemaNames.translationRequested, requestMessageId, (v) => v.sourceMessageId === responseMessageId));
  const asked = valuesOf<TranslationRequested>(records, SchemaNames.translationRequested, requestMessageId).find((v) => v.sourceMessageId === responseMessageId)!;
  expect(asked).toMatchObject({ translationId: `TR-${responseMessageId}`, messageType: 'RRS', targetLang: 'en' });
  await service.publish('exchange.translation.text-translated.v1', SchemaNames.textTranslated, translated(asked, START), requestMessageId);
}

async function finalResponse(requestId: string, where: (value: Record<string, unknown>) => boolean = (v) => v.complete === true) {
  const records = await service.read(RESPONSES, has(SchemaNames.agencyResponse, requestId, where));
  return valuesOf<PreviousConvictionsResponse>(records, SchemaNames.agencyResponse, requestId).filter((v) => where(v as unknown as Record<string, unknown>)).at(-1)!;
}

describe('request-out', () => {
  it('asks Italy about an Italian national for criminal proceedings and delivers the translated answer with its provenance', async () => {
    const requestId = await submitOverHttp(['IT']);
    const itReq = requestMessageIdOf('GB', 'IT', requestId);

    const req = await requestSent(itReq);
    expect(req.header).toMatchObject({ sender: 'GB', receiver: 'IT', responseTo: null });
    expect(req).toMatchObject({
      purposeCategoryRef: 'P-00-001000',
      caseReferenceNumber: 'GMP-2026-0042',
      urgency: 'Yes',
      concernedPersonConsent: 'UNKNOWN',
      requestingAuthority: { typeRef: 'RAT-00-A', code: 'GMP' },
    });
    expect(req.meta.correlationId).toBe(requestId);
    // The HTTP submission is on the log too, as any agency request.
    await service.read('agency.requests.v1', has(SchemaNames.agencyRequest, requestId));
    const deadlines = await service.read('exchange.request-out.deadlines.v1', has(SchemaNames.deadlineRaised, itReq));
    expect(valuesOf<DeadlineRaised>(deadlines, SchemaNames.deadlineRaised, itReq)[0]).toMatchObject({ dueOn: '2026-03-27', rule: 'request-out/tca', kind: 'AWAIT_ANSWER' });

    // Italy gives its deadline, then answers with one conviction and names Germany as holding more.
    await service.publish(INBOUND, SchemaNames.requestDeadline, rdl('IT', itReq, '2026-03-20', '2026-03-03T10:00:00Z'), itReq);
    const answer = rrs('IT', itReq, [conviction('IT-C-000000000000101')], '2026-03-10T12:00:00Z', ['DE']);
    await service.publish(INBOUND, SchemaNames.requestResponse, answer, itReq);
    await translate(itReq, answer.header.messageId);

    const response = await finalResponse(requestId);
    expect(response.answers).toHaveLength(1);
    expect(response.answers[0]).toMatchObject({
      state: 'IT',
      ecrisRequestId: itReq,
      ecrisResponseId: answer.header.messageId,
      outcome: 'CONVICTIONS',
      otherMemberStates: ['DE'],
    });
    const sourced = response.answers[0]!.convictions[0]!;
    expect(sourced).toMatchObject({ answeredBy: 'IT', convictingState: 'IT', sourceMessageId: answer.header.messageId });
    expect(sourced.conviction.offences[0]?.nationalTitle).toContainEqual({ lang: 'en', translated: true, text: 'EN(Furto aggravato)' });
    expect(response.mergedConvictions).toMatchObject([{ convictionId: 'IT-C-000000000000101', convictingState: 'IT', reportedBy: [{ state: 'IT', responseMessageId: answer.header.messageId }] }]);
    expect(response.purposeCategoryRef).toBe('P-00-001000');
    expect(response.permittedUse).toContain('Only for the purpose of this request: Criminal proceedings (case GMP-2026-0042)');
    expect(response.meta.correlationId).toBe(requestId);

    const status = await service.http('GET', `/v1/requests/${requestId}`, 'GMP');
    expect(status.status).toBe(200);
    const view = status.body as StatusView;
    expect(view).toMatchObject({ stage: 'COMPLETE', complete: true, followUps: [{ state: 'DE', suggestedBy: ['IT'] }] });
    expect(view.states[0]).toMatchObject({ state: 'IT', status: 'ANSWERED', theirDeadline: '2026-03-20', deadline: { dueDate: '2026-03-27' } });
    const answers = await service.http('GET', `/v1/requests/${requestId}/answers`, 'GMP');
    expect(answers.body).toMatchObject({ requestId, complete: true, mergedConvictions: [{ convictionId: 'IT-C-000000000000101' }] });

    // The follow-up the answer offers: a linked request to Germany.
    const followUp = await service.http('POST', `/v1/requests/${requestId}/follow-ups`, 'GMP', { states: ['DE'] });
    expect(followUp.status).toBe(202);
    expect(followUp.body).toMatchObject({ requestId: `${requestId}-FU-DE`, created: true });
    expect((await requestSent(requestMessageIdOf('GB', 'DE', `${requestId}-FU-DE`))).header.receiver).toBe('DE');
    const notOffered = await service.http('POST', `/v1/requests/${requestId}/follow-ups`, 'GMP', { states: ['NL'] });
    expect(notOffered.status).toBe(409);
  });

  it('asks Italy and Romania about a dual national and merges their answers, keeping where each conviction came from', async () => {
    const requestId = `AR-KAFKA-${Date.now()}`;
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, agencyRequestRecord(requestId, START, {}, ['IT', 'RO']), requestId);
    const itReq = requestMessageIdOf('GB', 'IT', requestId);
    const roReq = requestMessageIdOf('GB', 'RO', requestId);
    expect((await requestSent(itReq)).header.receiver).toBe('IT');
    expect((await requestSent(roReq)).header.receiver).toBe('RO');

    // A French conviction both nationality states hold, and one Italian one.
    const french = conviction('FR-C-000000000000202', 'CO-00-250-FRA');
    const fromItaly = rrs('IT', itReq, [conviction('IT-C-000000000000201'), french], '2026-03-09T09:00:00Z');
    const fromRomania = rrs('RO', roReq, [french], '2026-03-11T09:00:00Z');
    await service.publish(INBOUND, SchemaNames.requestResponse, fromItaly, itReq);
    await translate(itReq, fromItaly.header.messageId);
    await finalResponse(requestId, (v) => v.complete === false && (v.answers as { outcome: string }[])[0]?.outcome === 'CONVICTIONS');
    await service.publish(INBOUND, SchemaNames.requestResponse, fromRomania, roReq);
    await translate(roReq, fromRomania.header.messageId);

    const response = await finalResponse(requestId);
    expect(response.answers.map((a) => [a.state, a.outcome, a.convictions.length])).toEqual([
      ['IT', 'CONVICTIONS', 2],
      ['RO', 'CONVICTIONS', 1],
    ]);
    expect(response.mergedConvictions.map((m) => [m.convictionId, m.convictingState, m.reportedBy.map((r) => r.state)])).toEqual([
      ['IT-C-000000000000201', 'IT', ['IT']],
      ['FR-C-000000000000202', 'FR', ['IT', 'RO']],
    ]);
  });

  it('answers a request for more information with a RAR from the agency data, and passes a functional error to the agency and an operator', async () => {
    const requestId = await submitOverHttp(['IT']);
    const itReq = requestMessageIdOf('GB', 'IT', requestId);
    await requestSent(itReq);

    const askMore = rai('IT', itReq, ['IdentityNumber', 'Fingerprints'], '2026-03-04T10:00:00Z');
    await service.publish(INBOUND, SchemaNames.requestAdditionalInfo, askMore, itReq);
    const out = await service.read(OUTBOUND, has(SchemaNames.requestAdditionalInfoResponse, itReq));
    const rar = valuesOf<RequestAdditionalInfoResponse>(out, SchemaNames.requestAdditionalInfoResponse, itReq)[0]!;
    expect(rar).toMatchObject({ responseTypeRef: 'ART-00-01', header: { responseTo: askMore.header.messageId, receiver: 'IT' }, person: { identityNumber: 'CA12345XY' } });
    const rebased = await service.read('exchange.request-out.deadlines.v1', has(SchemaNames.deadlineRaised, itReq, (v) => v.deadlineId === `DL-${itReq}-1`));
    expect(valuesOf<DeadlineRaised>(rebased, SchemaNames.deadlineRaised, itReq).at(-1)).toMatchObject({ startsOn: '2026-03-04', dueOn: '2026-03-31' });
    const tasks = await service.read('exchange.request-out.review-tasks.v1', has(SchemaNames.reviewTaskRaised, itReq, (v) => v.kind === 'IDENTITY_MATCH'));
    expect(valuesOf<ReviewTaskRaised>(tasks, SchemaNames.reviewTaskRaised, itReq)[0]?.reason).toContain('Fingerprints');

    await service.publish(INBOUND, SchemaNames.functionalError, fem('IT', itReq, '2026-03-05T10:00:00Z'), itReq);
    const work = await service.read('exchange.request-out.review-tasks.v1', has(SchemaNames.reviewTaskRaised, itReq, (v) => v.kind === 'FUNCTIONAL_ERROR'));
    expect(valuesOf<ReviewTaskRaised>(work, SchemaNames.reviewTaskRaised, itReq).find((t) => t.kind === 'FUNCTIONAL_ERROR')?.reason).toContain('FE-00012');
    const response = await finalResponse(requestId);
    expect(response.answers[0]).toMatchObject({ state: 'IT', outcome: 'PROBLEM' });
    const status = (await service.http('GET', `/v1/requests/${requestId}`, 'GMP')).body as StatusView;
    expect(status.states[0]).toMatchObject({ status: 'FAILED', functionalErrors: ['FE-00012'] });
  });

  it('answers an RRS about a request we never sent with a FEM', async () => {
    const unknownReq = 'GB-IT-REQ-000000000000000';
    const stray = rrs('IT', unknownReq, [], '2026-03-05T10:00:00Z');
    await service.publish(INBOUND, SchemaNames.requestResponse, stray, unknownReq);
    const out = await service.read(OUTBOUND, has(SchemaNames.functionalError, unknownReq));
    const reply = valuesOf<FunctionalError>(out, SchemaNames.functionalError, unknownReq)[0]!;
    expect(reply.header).toMatchObject({ responseTo: stray.header.messageId, sender: 'GB', receiver: 'IT' });
    expect(reply.errors[0]).toMatchObject({ code: 'FE-90008' });
  });

  it('refuses a purpose the agency is not authorised for (403), records it, and sends nothing', async () => {
    const refused = await service.http('POST', '/v1/requests', 'GMP', submitBody(['IT'], { purposeCategoryRef: 'P-00-002000' }));
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    const problem = refused.body as { type: string; status: number; requestId: string };
    expect(problem).toMatchObject({ status: 403, type: 'urn:ecris-exchange:request-out:problem:purpose-not-authorised' });

    const records = await service.read(RESPONSES, has(SchemaNames.agencyRequestRejected, problem.requestId));
    expect(valuesOf<RequestRejected>(records, SchemaNames.agencyRequestRejected, problem.requestId)[0]).toMatchObject({
      reason: 'PURPOSE_NOT_AUTHORISED',
      channel: 'HTTP',
      action: 'SUBMIT',
      agencyCode: 'GMP',
      httpStatus: '403',
      purposeCategoryRef: 'P-00-002000',
    });
    const db = service.running.database!;
    const cases = await db.query('SELECT 1 FROM request_out.cases WHERE request_id = $1', [problem.requestId]);
    const outbox = await db.query<{ topic: string }>('SELECT topic FROM outbox WHERE record_key = $1 OR record_key = $2', [problem.requestId, requestMessageIdOf('GB', 'IT', problem.requestId)]);
    expect(cases.rows).toEqual([]);
    expect(outbox.rows.map((row) => row.topic)).toEqual([`${service.ns}${RESPONSES}`]);

    // The same refusal when the request comes over Kafka: the agency learns it on agency.responses.v1.
    const requestId = `AR-KAFKA-OWN-${Date.now()}`;
    await service.publish('agency.requests.v1', SchemaNames.agencyRequest, agencyRequestRecord(requestId, START, { purposeCategoryRef: 'P-00-002000' }), requestId);
    const viaKafka = await service.read(RESPONSES, has(SchemaNames.agencyRequestRejected, requestId));
    expect(valuesOf<RequestRejected>(viaKafka, SchemaNames.agencyRequestRejected, requestId)[0]).toMatchObject({ reason: 'PURPOSE_NOT_AUTHORISED', channel: 'KAFKA' });
    // The refusal and any REQ would commit together: with the refusal out, there is no REQ and no case.
    expect((await db.query('SELECT 1 FROM request_out.cases WHERE request_id = $1', [requestId])).rows).toEqual([]);
    expect((await db.query('SELECT 1 FROM outbox WHERE record_key = $1', [requestMessageIdOf('GB', 'IT', requestId)])).rows).toEqual([]);

    const anonymous = await service.http('POST', '/v1/requests', null, submitBody(['IT']));
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toContain('application/problem+json');
    expect((await service.http('GET', '/v1/requests', 'not-a-key')).status).toBe(401);
  });

  it('shows status and answers only to the agency that made the request', async () => {
    const requestId = await submitOverHttp(['FR']);
    expect((await service.http('GET', `/v1/requests/${requestId}`, 'GMP')).status).toBe(200);
    for (const path of [`/v1/requests/${requestId}`, `/v1/requests/${requestId}/answers`]) {
      const other = await service.http('GET', path, 'MPS');
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ status: 404, type: 'urn:ecris-exchange:request-out:problem:not-found' });
    }
    expect((await service.http('POST', `/v1/requests/${requestId}/follow-ups`, 'MPS', { states: ['DE'] })).status).toBe(404);
    const theirs = (await service.http('GET', '/v1/requests', 'MPS')).body as { requestId: string }[];
    const ours = (await service.http('GET', '/v1/requests', 'GMP')).body as { requestId: string }[];
    expect(theirs.map((r) => r.requestId)).not.toContain(requestId);
    expect(ours.map((r) => r.requestId)).toContain(requestId);
    const refusals = await service.read(RESPONSES, has(SchemaNames.agencyRequestRejected, requestId, (v) => v.action === 'FOLLOW_UP'));
    expect(valuesOf<RequestRejected>(refusals, SchemaNames.agencyRequestRejected, requestId).map((r) => [r.agencyCode, r.action, r.reason])).toEqual([
      ['MPS', 'READ_STATUS', 'NOT_FOUND'],
      ['MPS', 'READ_ANSWERS', 'NOT_FOUND'],
      ['MPS', 'FOLLOW_UP', 'NOT_FOUND'],
    ]);
  });

  it('takes the same HTTP submission once under one Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await service.http('POST', '/v1/requests', 'GMP', submitBody(['PT']), headers);
    const again = await service.http('POST', '/v1/requests', 'GMP', submitBody(['PT']), headers);
    expect([first.status, again.status]).toEqual([202, 200]);
    expect((again.body as { requestId: string }).requestId).toBe((first.body as { requestId: string }).requestId);
  });

  it('serves its OpenAPI document and its deadline metrics', async () => {
    const json = await service.http('GET', '/api-docs-json', null);
    expect(json.status).toBe(200);
    const document = json.body as { openapi: string; paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/requests', '/v1/requests/{requestId}', '/v1/requests/{requestId}/answers', '/v1/requests/{requestId}/follow-ups']),
    );
    const ui = await fetch(`${service.running.url}/api-docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    const metrics = await (await fetch(`${service.running.url}/metrics`)).text();
    expect(metrics).toMatch(/ecris_request_out_open_requests\{days_left="11-20"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ecris_request_out_overdue_requests\{[^}]*\} 0/);
  });

  // Last: moving the clock makes every request still open in this database overdue.
  it('raises an overdue request once (event, chaser, metric), then still takes the late answer', async () => {
    const requestId = await submitOverHttp(['AT']);
    const atReq = requestMessageIdOf('GB', 'AT', requestId);
    await requestSent(atReq);

    service.clock.now = new Date('2026-03-30T08:00:00.000Z'); // due Friday 27 March
    const deadlines = await service.read('exchange.request-out.deadlines.v1', has(SchemaNames.deadlineOverdue, atReq));
    expect(valuesOf<DeadlineOverdue>(deadlines, SchemaNames.deadlineOverdue, atReq)).toEqual([
      expect.objectContaining({ deadlineId: `DL-${atReq}-0`, exchangeId: atReq, dueOn: '2026-03-27', detectedAt: '2026-03-30T08:00:00.000Z' }),
    ]);
    const chasers = await service.read('exchange.request-out.review-tasks.v1', has(SchemaNames.reviewTaskRaised, atReq, (v) => v.taskId === `CHASE-DL-${atReq}-0`));
    expect(valuesOf<ReviewTaskRaised>(chasers, SchemaNames.reviewTaskRaised, atReq)[0]?.reason).toContain('Chase AT');
    expect((await finalResponse(requestId)).answers[0]).toMatchObject({ state: 'AT', outcome: 'NO_REPLY_BY_DEADLINE' });
    await eventually(async () => /ecris_request_out_overdue_requests\{[^}]*\} [1-9]/.test(await (await fetch(`${service.running.url}/metrics`)).text()));

    const late = rrs('AT', atReq, [], '2026-04-01T09:00:00Z');
    await service.publish(INBOUND, SchemaNames.requestResponse, late, atReq);
    const answered = await finalResponse(requestId, (v) => (v.answers as { outcome: string }[])[0]?.outcome === 'NO_CONVICTIONS');
    expect(answered.answers[0]).toMatchObject({ ecrisResponseId: late.header.messageId });
    const status = (await service.http('GET', `/v1/requests/${requestId}`, 'GMP')).body as StatusView;
    expect(status.states[0]).toMatchObject({ status: 'ANSWERED', answeredLate: true, deadline: { overdueSince: '2026-03-30T08:00:00.000Z' } });
    // Once: the overdue check keeps running, and the event is still there only once.
    const again = await service.read('exchange.request-out.deadlines.v1', has(SchemaNames.deadlineOverdue, atReq));
    expect(valuesOf<DeadlineOverdue>(again, SchemaNames.deadlineOverdue, atReq)).toHaveLength(1);
  });
});
