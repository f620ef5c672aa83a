import { amended, decisionEnv, recorded, removed } from '../testing/fixtures';
import { decideAmended, decideRecorded, decideRemoved, type Existing } from './decide-court-events';
import { isRefusal, type Plan, type NotificationRecord, type Refusal, type ConvictionState } from './model';

const NOTHING: Existing = { state: undefined, rows: [] };
const env = (causeId: string) => decisionEnv({ causeId });

function plan(result: Plan | Refusal): Plan {
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

/** The state after a plan is written, as the store would load it next time. */
function after(existing: Existing, result: Plan): Existing {
  const updated = new Map(result.updated.map((row) => [row.messageId, row]));
  return {
    state: result.conviction ?? existing.state,
    rows: [...existing.rows.map((row) => updated.get(row.messageId) ?? row), ...result.inserted],
  };
}

const notifications = (result: Plan) => result.outputs.filter((o) => o.type === 'notification');
const workItems = (result: Plan) => result.outputs.filter((o) => o.type === 'work-item');
const answered = (row: NotificationRecord, status: NotificationRecord['status']): NotificationRecord => ({ ...row, status });
const theft = { ukOffenceCode: 'TH68001', statute: 'Theft Act 1968 s.1', title: 'Theft' };

describe('decideRecorded', () => {
  it('sends one NOT to France for a French national, on a 28-day clock (scenario 1)', () => {
    const result = plan(decideRecorded(recorded('R1', { person: { nationalities: ['FR'] } }), NOTHING, env('e1')));
    expect(result.outcome).toBe('notified');
    expect(result.inserted).toHaveLength(1);
    const [row] = result.inserted;
    expect(row).toMatchObject({ receivingState: 'FR', kind: 'INITIAL', status: 'SENT', dueOn: '2025-03-24', clockStartedAt: '2025-02-25T09:00:00Z' });
    expect(row!.messageId).toMatch(/^GB-FR-NOT-[0-9]{15}$/);
    expect(row!.exchangeId).toBe(row!.messageId);
    expect(notifications(result)).toEqual([expect.objectContaining({ key: row!.messageId })]);
    expect(result.conviction).toMatchObject({ convictionReference: 'R1', version: 1, removed: false });
    expect(result.conviction!.ecrisConvictionId).toMatch(/^GB-C-[0-9]{15}$/);
  });

  it('sends FR and IE each their own NOT with the same conviction content (scenario 2)', () => {
    const result = plan(decideRecorded(recorded('R2'), NOTHING, env('e2')));
    expect(result.inserted.map((r) => r.receivingState)).toEqual(['FR', 'IE']);
    const [fr, ie] = notifications(result).map((o) => (o.type === 'notification' ? o.value : undefined));
    expect(fr!.header.receiver).toBe('FR');
    expect(ie!.header.receiver).toBe('IE');
    expect(ie!.conviction).toEqual(fr!.conviction);
  });

  it('still notifies a dual UK and EU national (R5)', () => {
    const result = plan(decideRecorded(recorded('R3', { person: { nationalities: ['GB', 'PL'] } }), NOTHING, env('e3')));
    expect(result.inserted.map((r) => r.receivingState)).toEqual(['PL']);
  });

  it('sends nothing for a non-EU national and keeps no personal data (scenario 3)', () => {
    const result = plan(decideRecorded(recorded('R4', { person: { nationalities: ['US'] } }), NOTHING, env('e4')));
    expect(result).toMatchObject({ outcome: 'no-eu-nationality', inserted: [], outputs: [] });
    expect(result.conviction).toMatchObject({ convictionReference: 'R4', conviction: null });
  });

  it('derives the same ids again from the same court event', () => {
    const first = plan(decideRecorded(recorded('R5'), NOTHING, env('e5')));
    const again = plan(decideRecorded(recorded('R5'), NOTHING, env('e5')));
    expect(again.inserted.map((r) => r.messageId)).toEqual(first.inserted.map((r) => r.messageId));
  });

  it('takes the same recording under a new event id as nothing new, and a different one as a feed error', () => {
    const first = plan(decideRecorded(recorded('R6'), NOTHING, env('e6')));
    const existing = after(NOTHING, first);
    expect(plan(decideRecorded(recorded('R6', {}, 'other-id'), existing, env('e6b'))).outcome).toBe('already-recorded');
    const different = decideRecorded(recorded('R6', { convictionDate: '2025-02-11' }), existing, env('e6c'));
    expect(different).toMatchObject({ refused: true, code: 'ALREADY_RECORDED' });
  });

  it('holds both NOTs of an offence with no known group, raising one task for the conviction, deadline still running (R2, scenario 6)', () => {
    const base = recorded('R7').conviction.offences[0]!;
    const result = plan(decideRecorded(recorded('R7', { offences: [{ ...base, ...theft }] }), NOTHING, env('e7')));
    expect(result.outcome).toBe('held-for-review');
    expect(result.inserted.map((r) => [r.receivingState, r.status, r.dueOn])).toEqual([
      ['FR', 'HELD', '2025-03-24'],
      ['IE', 'HELD', '2025-03-24'],
    ]);
    expect(notifications(result)).toEqual([]);
    const tasks = workItems(result);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      key: 'R7',
      value: { taskId: 'notification-out:R7:OFFENCE_UNCLASSIFIED:TH68001', kind: 'OFFENCE_EQUIVALENCE', dueBy: '2025-03-24T23:59:59.000Z' },
    });
  });
});

describe('decideAmended', () => {
  const recordedOnce = (reference: string, changes = {}) => {
    const first = plan(decideRecorded(recorded(reference, changes), NOTHING, env(`rec-${reference}`)));
    return after(NOTHING, first);
  };

  it('sends an update NOT referencing the conviction, with the varied sentence and a new decision (scenario 5)', () => {
    const existing = recordedOnce('A1', { person: { nationalities: ['FR'] } });
    const result = plan(decideAmended(amended('A1', { person: { nationalities: ['FR'] } }), existing, env('am1')));
    expect(result.outcome).toBe('notified');
    expect(result.inserted).toEqual([
      expect.objectContaining({ kind: 'UPDATE', status: 'SENT', receivingState: 'FR', exchangeId: existing.rows[0]!.exchangeId, dueOn: '2025-06-29' }),
    ]);
    const [not] = notifications(result);
    expect(not!.key).toBe(existing.rows[0]!.exchangeId);
    const value = not!.type === 'notification' ? not!.value : undefined;
    expect(value!.updatedConvictionReference?.ecrisConvictionId).toBe(existing.state!.ecrisConvictionId);
    expect(value!.conviction.convictionId).toBe(existing.state!.ecrisConvictionId);
    expect(value!.conviction.decisions[1]).toMatchObject({ changeTypeRefs: ['DCH-00-E'], deleteConvictionFromRegister: 'No', decisionDate: '2025-05-30' });
    expect(value!.conviction.sanctions[0]).toMatchObject({ nationalCategoryCode: '1115', sentencedPeriod: { duration: 'P18M' } });
    expect(result.conviction).toMatchObject({ version: 2 });
  });

  it('sends nothing when nothing notifiable changed (a new PNC id)', () => {
    const existing = recordedOnce('A2');
    const result = plan(decideAmended(amended('A2', { ...existing.state!.conviction!, person: { pncId: '2001/1A' } }, { kind: 'CORRECTION' }), existing, env('am2')));
    expect(result).toMatchObject({ outcome: 'no-notifiable-change', inserted: [], outputs: [] });
    expect(result.conviction!.laterDecisions).toEqual([]);
  });

  it('re-sends a NOT the state rejected (FEM) as a new first notification once the record is corrected, on the original clock', () => {
    const existing = recordedOnce('A3', { person: { nationalities: ['FR'] } });
    const rejected = answered(existing.rows[0]!, 'REJECTED');
    const result = plan(decideAmended(amended('A3', { person: { nationalities: ['FR'] } }, { kind: 'CORRECTION' }), { ...existing, rows: [rejected] }, env('am3')));
    expect(result.inserted).toEqual([
      expect.objectContaining({ kind: 'INITIAL', status: 'SENT', resendOf: rejected.messageId, exchangeId: rejected.exchangeId, dueOn: rejected.dueOn }),
    ]);
    expect(result.updated).toEqual([expect.objectContaining({ messageId: rejected.messageId, status: 'SUPERSEDED' })]);
    const value = notifications(result)[0]!;
    expect(value.type === 'notification' && value.value.updatedConvictionReference).toBeNull();
  });

  it('sends a first NOT to a state of a nationality recorded only now', () => {
    const existing = recordedOnce('A4', { person: { nationalities: ['US'] } });
    const result = plan(decideAmended(amended('A4', { person: { nationalities: ['US', 'DE'] } }, { kind: 'CORRECTION' }), existing, env('am4')));
    expect(result.inserted).toEqual([expect.objectContaining({ receivingState: 'DE', kind: 'INITIAL', status: 'SENT', dueOn: '2025-06-29' })]);
  });

  it('retries a held NOT with the corrected record instead of adding another', () => {
    const base = recorded('A5').conviction.offences[0]!;
    const existing = recordedOnce('A5', { person: { nationalities: ['FR'] }, offences: [{ ...base, ...theft }] });
    expect(existing.rows[0]!.status).toBe('HELD');
    const result = plan(decideAmended(amended('A5', { person: { nationalities: ['FR'] } }, { kind: 'CORRECTION' }), existing, env('am5')));
    expect(result.inserted).toEqual([]);
    expect(result.updated).toEqual([expect.objectContaining({ messageId: existing.rows[0]!.messageId, status: 'SENT', kind: 'INITIAL' })]);
    expect(notifications(result)).toHaveLength(1);
  });

  it('asks an operator when a state already told is no longer a nationality', () => {
    const existing = recordedOnce('A6');
    const result = plan(decideAmended(amended('A6', { person: { nationalities: ['FR'] } }), existing, env('am6')));
    expect(result.inserted.map((r) => r.receivingState)).toEqual(['FR']);
    expect(workItems(result)).toEqual([expect.objectContaining({ value: expect.objectContaining({ taskId: 'notification-out:A6:NATIONALITY_DROPPED:IE' }) })]);
  });

  it('withdraws a held NOT to a state that is no longer a nationality', () => {
    const base = recorded('A9').conviction.offences[0]!;
    const existing = recordedOnce('A9', { offences: [{ ...base, ...theft }] });
    const result = plan(decideAmended(amended('A9', { person: { nationalities: ['FR'] }, offences: [{ ...base, ...theft }] }, { kind: 'CORRECTION' }), existing, env('am9')));
    expect(result.updated.map((r) => [r.receivingState, r.status])).toEqual([
      ['FR', 'HELD'],
      ['IE', 'WITHDRAWN'],
    ]);
  });

  it('refuses an amendment of a conviction never recorded, or already removed', () => {
    expect(decideAmended(amended('A7'), NOTHING, env('am7'))).toMatchObject({ refused: true, code: 'UNKNOWN_CONVICTION' });
    const existing = recordedOnce('A8');
    const gone: ConvictionState = { ...existing.state!, removed: true };
    expect(decideAmended(amended('A8'), { ...existing, state: gone }, env('am8'))).toMatchObject({ refused: true, code: 'CONVICTION_REMOVED' });
  });
});

describe('decideRemoved', () => {
  it('sends an update NOT with delete-from-register to every state told (scenario 4)', () => {
    const first = plan(decideRecorded(recorded('D1'), NOTHING, env('rec-D1')));
    const existing = after(NOTHING, first);
    const result = plan(decideRemoved(removed('D1'), existing, env('rm1')));
    expect(result.inserted.map((r) => [r.receivingState, r.kind, r.status, r.dueOn])).toEqual([
      ['FR', 'UPDATE', 'SENT', '2025-09-28'],
      ['IE', 'UPDATE', 'SENT', '2025-09-28'],
    ]);
    for (const output of notifications(result)) {
      const value = output.type === 'notification' ? output.value : undefined;
      expect(value!.updatedConvictionReference?.ecrisConvictionId).toBe(existing.state!.ecrisConvictionId);
      expect(value!.conviction.decisions.at(-1)).toMatchObject({ changeTypeRefs: ['DCH-00-Y'], deleteConvictionFromRegister: 'Yes' });
    }
    expect(result.conviction).toMatchObject({ removed: true, version: 2 });
  });

  it('withdraws NOTs never sent and keeps no personal data when nobody was told', () => {
    const base = recorded('D2').conviction.offences[0]!;
    const first = plan(decideRecorded(recorded('D2', { offences: [{ ...base, ...theft }] }), NOTHING, env('rec-D2')));
    const result = plan(decideRemoved(removed('D2'), after(NOTHING, first), env('rm2')));
    expect(result.outcome).toBe('removed-before-notified');
    expect(result.inserted).toEqual([]);
    expect(result.updated.map((r) => r.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    expect(result.conviction).toMatchObject({ removed: true, conviction: null });
  });

  it('refuses the removal of a conviction never recorded', () => {
    expect(decideRemoved(removed('D3'), NOTHING, env('rm3'))).toMatchObject({ refused: true, code: 'UNKNOWN_CONVICTION' });
  });
});
