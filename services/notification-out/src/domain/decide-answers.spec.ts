import { decisionEnv, fem, inboundId, nrs, rai, recorded } from '../testing/fixtures';
import { decideAdditionalInfoRequest, decideFunctionalError, decideNotificationResponse } from './decide-answers';
import { decideRecorded } from './decide-court-events';
import { isRefusal, type NotificationRecord, type Plan, type Refusal } from './model';

const env = decisionEnv({ time: '2025-03-05T08:00:00.000Z', onDate: '2025-03-05' });

function plan(result: Plan | Refusal): Plan {
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

/** A NOT we sent to FR (the fixture's person, as built), and one still held. */
function sentToFrance(): NotificationRecord {
  const result = plan(decideRecorded(recorded('N1', { person: { nationalities: ['FR'] } }), { state: undefined, rows: [] }, decisionEnv({ causeId: 'rec-N1' })));
  return result.inserted[0]!;
}
const sent = sentToFrance();
const held: NotificationRecord = { ...sent, status: 'HELD', sentAt: null, person: null };

describe('NRS for our NOTs', () => {
  it('acknowledges on NRT-00-00', () => {
    const result = plan(decideNotificationResponse(nrs(sent.messageId, inboundId('FR', 'NRS', 1)), sent, env));
    expect(result.outcome).toBe('acknowledged');
    expect(result.updated).toEqual([
      expect.objectContaining({ status: 'ACKNOWLEDGED', answeredBy: inboundId('FR', 'NRS', 1), answerCodes: ['NRT-00-00'], answeredAt: env.time }),
    ]);
    expect(result.outputs).toEqual([]);
  });

  it('marks a problem code and gives an operator a work item', () => {
    const result = plan(decideNotificationResponse(nrs(sent.messageId, inboundId('FR', 'NRS', 2), 'NRT-00-02'), sent, env));
    expect(result.outcome).toBe('problem-answer');
    expect(result.updated).toEqual([expect.objectContaining({ status: 'PROBLEM', answerCodes: ['NRT-00-02'] })]);
    expect(result.outputs).toEqual([
      expect.objectContaining({ type: 'work-item', key: 'N1', value: expect.objectContaining({ kind: 'NOTIFICATION_PROBLEM', dueBy: '2025-03-24T23:59:59.000Z' }) }),
    ]);
  });

  it('answers a malformed NRS with a FEM naming the field', () => {
    const result = plan(decideNotificationResponse(nrs(sent.messageId, inboundId('FR', 'NRS', 3), 'success'), sent, env));
    expect(result.outcome).toBe('invalid-answer');
    expect(result.updated).toEqual([]);
    const [output] = result.outputs;
    expect(output).toMatchObject({ type: 'functional-error', key: sent.exchangeId });
    const value = output!.type === 'functional-error' ? output!.value : undefined;
    expect(value!.header).toMatchObject({ responseTo: inboundId('FR', 'NRS', 3), sender: 'GB', receiver: 'FR' });
    expect(value!.header.messageId).toMatch(/^GB-FR-FEM-[0-9]{15}$/);
    expect(value!.errors).toEqual([{ code: 'FE-90003', additionalInformation: [expect.objectContaining({ text: expect.stringContaining('responseTypeRef') })] }]);
  });

  it('answers an NRS about a NOT never sent with a FEM on header.responseTo', () => {
    for (const row of [undefined, held]) {
      const result = plan(decideNotificationResponse(nrs(sent.messageId, inboundId('FR', 'NRS', 4)), row, env));
      expect(result.outcome).toBe('answer-to-unknown-notification');
      expect(result.outputs).toEqual([expect.objectContaining({ type: 'functional-error' })]);
    }
  });

  it('passes over answers to messages that are not our NOTs (other services own them)', () => {
    const toRequest = { ...nrs(sent.messageId, inboundId('FR', 'NRS', 5)), header: { ...nrs(sent.messageId, inboundId('FR', 'NRS', 5)).header, responseTo: 'GB-FR-REQ-000000000000001' } };
    expect(plan(decideNotificationResponse(toRequest, undefined, env)).outcome).toBe('not-ours');
  });
});

describe('FEM for our NOTs', () => {
  it('rejects the NOT and sends the error codes (only the codes) to an operator, deadline still counting (scenario 7)', () => {
    const result = plan(decideFunctionalError(fem(sent.messageId, inboundId('FR', 'FEM', 1), ['FE-90003', 'FE-90001', 'FE-90003']), sent, env));
    expect(result.outcome).toBe('rejected');
    expect(result.updated).toEqual([expect.objectContaining({ status: 'REJECTED', answerCodes: ['FE-90003', 'FE-90001'] })]);
    const [task] = result.outputs;
    expect(task).toMatchObject({ type: 'work-item', key: 'N1', value: { kind: 'FUNCTIONAL_ERROR', sourceMessageId: sent.messageId, dueBy: '2025-03-24T23:59:59.000Z' } });
    const reason = task!.type === 'work-item' ? task!.value.reason : '';
    expect(reason).toContain('FE-90003, FE-90001');
    expect(reason).not.toContain('inconnu');
  });

  it('leaves out of the work item any "code" that is not an FE code', () => {
    const result = plan(decideFunctionalError(fem(sent.messageId, inboundId('FR', 'FEM', 4), ['FE-90001', 'Jean Exemple']), sent, env));
    const reason = result.outputs[0]!.type === 'work-item' ? result.outputs[0]!.value.reason : '';
    expect(reason).toContain('FE-90001 (and 1 malformed code)');
    expect(reason).not.toContain('Jean');
    expect(result.updated[0]!.answerCodes).toEqual(['FE-90001']);
  });

  it('never answers a FEM with a FEM: one about an unknown NOT goes to an operator', () => {
    const result = plan(decideFunctionalError(fem(sent.messageId, inboundId('FR', 'FEM', 2)), undefined, env));
    expect(result.outputs).toEqual([expect.objectContaining({ type: 'work-item' })]);
  });

  it('keeps a superseded NOT superseded, recording the answer', () => {
    const result = plan(decideFunctionalError(fem(sent.messageId, inboundId('FR', 'FEM', 3)), { ...sent, status: 'SUPERSEDED' }, env));
    expect(result.updated).toEqual([expect.objectContaining({ status: 'SUPERSEDED', answeredBy: inboundId('FR', 'FEM', 3) })]);
  });
});

describe('RAI for our NOTs (scenario 8)', () => {
  it('answers with the person we sent when something asked for is held, naming what is not', () => {
    const result = plan(decideAdditionalInfoRequest(rai(sent.messageId, inboundId('FR', 'RAI', 1), ['BirthPlace', 'MotherName', 'Fingerprints']), sent, env));
    expect(result.outcome).toBe('additional-info-answered');
    const [output] = result.outputs;
    expect(output).toMatchObject({ type: 'additional-info-response', key: sent.exchangeId });
    const value = output!.type === 'additional-info-response' ? output!.value : undefined;
    expect(value).toMatchObject({
      header: { responseTo: inboundId('FR', 'RAI', 1), sender: 'GB', receiver: 'FR' },
      responseTypeRef: 'ART-00-00',
      person: sent.person,
      remarks: [{ lang: 'en', translated: false, text: 'Not available: MotherName, Fingerprints.' }],
    });
    expect(value!.header.messageId).toMatch(/^GB-FR-RAR-[0-9]{15}$/);
  });

  it('says "not available" when nothing asked for is held', () => {
    const result = plan(decideAdditionalInfoRequest(rai(sent.messageId, inboundId('FR', 'RAI', 2), ['Fingerprints', 'MotherName']), sent, env));
    const value = result.outputs[0]!.type === 'additional-info-response' ? result.outputs[0]!.value : undefined;
    expect(value).toMatchObject({ responseTypeRef: 'ART-00-01', person: null });
  });

  it('finds the other names in what was sent', () => {
    const result = plan(decideAdditionalInfoRequest(rai(sent.messageId, inboundId('FR', 'RAI', 3), ['Alias']), sent, env));
    const value = result.outputs[0]!.type === 'additional-info-response' ? result.outputs[0]!.value : undefined;
    expect(value).toMatchObject({ responseTypeRef: 'ART-00-00', remarks: [] });
  });

  it('refuses an RAI whose sender cannot even be addressed', () => {
    const bad = rai(sent.messageId, inboundId('FR', 'RAI', 4), ['Sex']);
    expect(decideAdditionalInfoRequest({ ...bad, header: { ...bad.header, sender: 'France' } }, sent, env)).toMatchObject({ refused: true, code: 'UNANSWERABLE' });
  });
});
