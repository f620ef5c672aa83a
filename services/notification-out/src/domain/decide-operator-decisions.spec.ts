import { decisionEnv, operatorAction, recorded } from '../testing/fixtures';
import { decideRecorded } from './decide-court-events';
import { decideClassification, decideResend, parseOperatorAction } from './decide-operator-decisions';
import { isRefusal, type NotificationRecord, type Plan, type Refusal } from './model';

function plan(result: Plan | Refusal): Plan {
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

const theft = { ukOffenceCode: 'TH68001', statute: 'Theft Act 1968 s.1', title: 'Theft' };

describe('parseOperatorAction', () => {
  it.each([
    [{ decision: 'classify-offence', ukOffenceCode: 'TH68001', category: '0909 00' }, 'classify'],
    [{ decision: 'classify-sentence', disposalCode: '1116', category: '1000' }, 'classify'],
    [{ decision: 'resend-notification', messageId: 'GB-FR-NOT-000000000000001' }, 'resend'],
    [{ decision: 'classify-offence', ukOffenceCode: 'TH68001', category: '909' }, 'invalid'],
    [{ decision: 'classify-offence', category: '0909 00' }, 'invalid'],
    [{ decision: 'resend-notification' }, 'invalid'],
    [{ decision: 'translate' }, 'not-ours'],
    [{}, 'not-ours'],
  ])('%j -> %s', (details, expected) => {
    expect(parseOperatorAction(operatorAction('OA-1', details)).decision).toBe(expected);
  });

  it('passes over actions other than review decisions', () => {
    const replay = { ...operatorAction('OA-2', { decision: 'resend-notification', messageId: 'x' }), action: 'REPLAY' as const };
    expect(parseOperatorAction(replay).decision).toBe('not-ours');
  });
});

describe('an operator classifies an offence code', () => {
  it('keeps the decision and sends every NOT held only for that code', () => {
    const base = recorded('H1').conviction.offences[0]!;
    const first = plan(decideRecorded(recorded('H1', { offences: [{ ...base, ...theft }] }), { state: undefined, rows: [] }, decisionEnv({ causeId: 'rec-H1' })));
    const parsed = parseOperatorAction(operatorAction('OA-3', { decision: 'classify-offence', ukOffenceCode: 'TH68001', category: '0909 00' }));
    if (parsed.decision !== 'classify') throw new Error('expected a classification');
    const env = decisionEnv({ causeId: 'op-3', classifier: decisionEnv().classifier.withDecisions([parsed.category]) });

    const result = decideClassification(parsed.category, [{ state: first.conviction!, held: first.inserted }], env);
    expect(result.categoryDecision).toMatchObject({ scheme: 'offence', nationalCode: 'TH68001', category: '0909 00', decidedBy: 'op-0042' });
    expect(result.updated.map((r) => [r.receivingState, r.status, r.messageId])).toEqual(first.inserted.map((r) => [r.receivingState, 'SENT', r.messageId]));
    const nots = result.outputs.filter((o) => o.type === 'notification');
    expect(nots).toHaveLength(2);
    for (const not of nots) expect(not.type === 'notification' && not.value.conviction.offences[0]!.commonCategoryRef).toBe('O-00-090900');
  });
});

describe('an operator re-sends a rejected NOT', () => {
  const first = plan(decideRecorded(recorded('S1', { person: { nationalities: ['FR'] } }), { state: undefined, rows: [] }, decisionEnv({ causeId: 'rec-S1' })));
  const rejected: NotificationRecord = { ...first.inserted[0]!, status: 'REJECTED' };
  const action = operatorAction('OA-4', { decision: 'resend-notification', messageId: rejected.messageId });
  const parsed = parseOperatorAction(action);
  if (parsed.decision !== 'resend') throw new Error('expected a re-send');

  it('sends a new NOT on the original clock and supersedes the rejected one', () => {
    const result = decideResend(parsed, { state: first.conviction, rows: [rejected] }, action, decisionEnv({ causeId: 'op-4' }));
    expect(result.inserted).toEqual([
      expect.objectContaining({ kind: 'INITIAL', status: 'SENT', resendOf: rejected.messageId, exchangeId: rejected.exchangeId, dueOn: rejected.dueOn }),
    ]);
    expect(result.inserted[0]!.messageId).not.toBe(rejected.messageId);
    expect(result.updated).toEqual([expect.objectContaining({ messageId: rejected.messageId, status: 'SUPERSEDED' })]);
  });

  it('tells the operator why when the NOT is not rejected', () => {
    const result = decideResend(parsed, { state: first.conviction, rows: [{ ...rejected, status: 'ACKNOWLEDGED' }] }, action, decisionEnv({ causeId: 'op-5' }));
    expect(result.outcome).toBe('operator-decision-not-applicable');
    expect(result.outputs).toEqual([
      expect.objectContaining({ type: 'work-item', value: expect.objectContaining({ reason: expect.stringContaining('only a REJECTED or PROBLEM one is re-sent') }) }),
    ]);
  });
});
