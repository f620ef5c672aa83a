import type { FunctionalError, RequestAdditionalInfo, RequestAdditionalInfoResponse, TranslationRequested } from '@ecris/contracts';
import { validateMessage } from '@ecris/ecris-model';
import { answerAdditionalInfo } from './additional-info';
import { receiveResponse, recordTheirDeadline } from './answers';
import { requestMessageIdOf } from './ecris-ids';
import { receiveFunctionalError } from './functional-error';
import type { RequestCase } from './model';
import { decideSubmission } from './submit';
import { agencyRequest, context, conviction, gmp, rrs } from './testing/fixtures';

const IT_REQ = requestMessageIdOf('GB', 'IT', 'AR-TEST-1');

function italianCase(person = {}): RequestCase {
  const decision = decideSubmission(
    undefined,
    { request: agencyRequest({}, person), channel: 'KAFKA', submittedAt: '2026-03-02T09:00:00Z', agency: gmp, rejectionId: 'RJ' },
    context,
  );
  if (decision.kind !== 'opened') throw new Error(decision.kind);
  return decision.requestCase;
}

const header = (type: string, serial: string, responseTo: string) => ({
  messageId: `IT-GB-${type}-${serial}`,
  timestamp: '2026-03-05T10:00:00Z',
  responseTo,
  sender: 'IT',
  receiver: 'GB',
});

describe('an answer (RRS)', () => {
  it('with no convictions goes to the agency at once, as NO_CONVICTIONS', () => {
    const decision = receiveResponse(italianCase(), rrs(IT_REQ, 'IT', []), '2026-03-10T12:00:00Z', context);
    expect(decision.emits.map((e) => e.topic)).toEqual(['agency.responses.v1']);
    expect(decision.requestCase.states[0]).toMatchObject({ status: 'ANSWERED', answeredLate: false });
    expect(decision.requestCase.stage).toBe('COMPLETE');
  });

  it('with convictions goes to the translation service first (v2 request: the person and convictions as received)', () => {
    const answer = rrs(IT_REQ, 'IT', [conviction('IT-C-000000000000007')]);
    const decision = receiveResponse(italianCase(), answer, '2026-03-10T12:00:00Z', context);
    expect(decision.emits.map((e) => [e.topic, e.key])).toEqual([['exchange.request-out.translation-requested.v1', IT_REQ]]);
    const asked = decision.emits[0]!.value as TranslationRequested;
    expect(asked).toMatchObject({ translationId: `TR-${answer.header.messageId}`, messageType: 'RRS', senderState: 'IT', targetLang: 'en', items: [] });
    expect(asked.convictions).toEqual(answer.convictions);
    expect(decision.requestCase.states[0]?.status).toBe('TRANSLATING');
  });

  it('the same RRS again (a gateway retry under another event id) changes nothing', () => {
    const once = receiveResponse(italianCase(), rrs(IT_REQ, 'IT', []), '2026-03-10T12:00:00Z', context).requestCase;
    expect(receiveResponse(once, rrs(IT_REQ, 'IT', []), '2026-03-10T12:01:00Z', context)).toEqual({ requestCase: once, emits: [] });
  });

  it('after our deadline is still taken, and marked late', () => {
    const decision = receiveResponse(italianCase(), rrs(IT_REQ, 'IT', []), '2026-04-20T12:00:00Z', context);
    expect(decision.requestCase.states[0]).toMatchObject({ status: 'ANSWERED', answeredLate: true });
    expect(decision.requestCase.history.at(-2)?.note).toMatch(/after our deadline/);
  });
});

describe("the state's own deadline (RDL)", () => {
  it('is recorded as given, beside ours', () => {
    const decision = recordTheirDeadline(italianCase(), { header: header('RDL', '000000000000001', IT_REQ), contactPerson: null, remarks: [], deadline: '2026-03-30' }, '2026-03-03T08:00:00Z');
    expect(decision.emits).toEqual([]);
    expect(decision.requestCase.states[0]).toMatchObject({ theirDeadline: '2026-03-30', deadline: { dueDate: '2026-03-27' } });
  });
});

describe('a request for additional information (RAI)', () => {
  const rai = (items: RequestAdditionalInfo['informationRequested']): Omit<RequestAdditionalInfo, 'meta'> => ({
    header: header('RAI', '000000000000002', IT_REQ),
    contactPerson: null,
    remarks: [],
    informationRequested: items,
    binaryIdRequested: null,
  });

  it('is answered with a RAR from the agency data, and our clock re-based on it', () => {
    const decision = answerAdditionalInfo(italianCase({ identityNumber: 'AB1234567' }), rai(['IdentityNumber', 'MoreInformationOnRequestPurpose']), '2026-03-05T10:00:00Z', context);
    const rar = decision.emits.find((e) => e.schema === 'uk.ecris.message.RequestAdditionalInfoResponse')!.value as RequestAdditionalInfoResponse;
    expect(validateMessage('RAR', rar)).toEqual([]);
    expect(rar).toMatchObject({ responseTypeRef: 'ART-00-01', header: { responseTo: 'IT-GB-RAI-000000000000002', sender: 'GB', receiver: 'IT' } });
    expect(rar.person?.identityNumber).toBe('AB1234567');
    expect(rar.requestPurpose[0]?.text).toBe('Criminal proceedings for burglary Case reference GMP-2026-0001.');
    // Thursday 5 March 2026 is day 1 of the new 20 working days.
    expect(decision.requestCase.states[0]?.deadline).toMatchObject({ deadlineId: `DL-${IT_REQ}-1`, startDate: '2026-03-05', dueDate: '2026-04-01' });
    expect(decision.emits.map((e) => e.schema)).toEqual(['uk.ecris.message.RequestAdditionalInfoResponse', 'uk.ecris.exchange.DeadlineRaised']);
  });

  it('is answered "not available" when the agency holds none of it, and an operator is asked to get it', () => {
    const decision = answerAdditionalInfo(italianCase(), rai(['Fingerprints', 'MotherName']), '2026-03-05T10:00:00Z', context);
    const rar = decision.emits[0]!.value as RequestAdditionalInfoResponse;
    expect(rar).toMatchObject({ responseTypeRef: 'ART-00-02', person: null, requestPurpose: [] });
    const task = decision.emits.find((e) => e.schema === 'uk.ecris.exchange.ReviewTaskRaised');
    expect(task?.value).toMatchObject({ kind: 'IDENTITY_MATCH', sourceMessageId: 'IT-GB-RAI-000000000000002' });
    expect((task?.value as { reason: string }).reason).toContain('Fingerprints, MotherName');
  });
});

describe('a functional error (FEM) from the state', () => {
  const fem = (responseTo: string): Omit<FunctionalError, 'meta'> => ({
    header: header('FEM', '000000000000003', responseTo),
    contactPerson: null,
    remarks: [],
    errors: [{ code: 'FE-00012', additionalInformation: [] }],
  });

  it('about our REQ ends that state: PROBLEM for the agency and a task for an operator', () => {
    const decision = receiveFunctionalError(italianCase(), fem(IT_REQ), '2026-03-03T10:00:00Z', context);
    expect(decision.requestCase.states[0]).toMatchObject({ status: 'FAILED', failure: { codes: ['FE-00012'] } });
    expect(decision.emits.map((e) => e.schema)).toEqual(['uk.ecris.exchange.ReviewTaskRaised', 'uk.ecris.agency.PreviousConvictionsResponse']);
    expect(decision.emits[0]?.value).toMatchObject({ kind: 'FUNCTIONAL_ERROR', taskId: 'RT-IT-GB-FEM-000000000000003' });
    expect(decision.emits[1]?.value).toMatchObject({ complete: true, answers: [{ state: 'IT', outcome: 'PROBLEM' }] });
  });

  it('about our RAR is a task only: the state may still answer', () => {
    const decision = receiveFunctionalError(italianCase(), fem('GB-IT-RAR-000000000000009'), '2026-03-03T10:00:00Z', context);
    expect(decision.requestCase.states[0]?.status).toBe('AWAITING_ANSWER');
    expect(decision.emits.map((e) => e.schema)).toEqual(['uk.ecris.exchange.ReviewTaskRaised']);
  });
});
