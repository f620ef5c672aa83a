import { receiveResponse } from './answers';
import { requestMessageIdOf } from './ecris-ids';
import type { RequestCase } from './model';
import { daysLeftBucket, markOverdue } from './overdue';
import { decideSubmission } from './submit';
import { agencyRequest, context, gmp, rrs } from './testing/fixtures';

const IT_REQ = requestMessageIdOf('GB', 'IT', 'AR-TEST-1');

/** Sent Monday 2 March 2026: due Friday 27 March (20 UK working days beginning with the day sent). */
function sentOn2March(): RequestCase {
  const decision = decideSubmission(
    undefined,
    { request: agencyRequest(), channel: 'KAFKA', submittedAt: '2026-03-02T09:00:00Z', agency: gmp, rejectionId: 'RJ' },
    context,
  );
  if (decision.kind !== 'opened') throw new Error(decision.kind);
  return decision.requestCase;
}

describe('deadline state', () => {
  it.each([
    ['on the due date', '2026-03-27', false],
    ['the Saturday after', '2026-03-28', true],
    ['long before', '2026-03-03', false],
  ])('%s (%s): overdue %s', (_name, today, overdue) => {
    const decision = markOverdue(sentOn2March(), today, `${today}T08:00:00Z`, context);
    expect(decision.emits.length > 0).toBe(overdue);
  });

  it('raises DeadlineOverdue, a chaser task and an updated answer (no reply by the deadline), once', () => {
    const decision = markOverdue(sentOn2March(), '2026-03-30', '2026-03-30T08:00:00Z', context);
    expect(decision.emits.map((e) => e.schema)).toEqual([
      'uk.ecris.exchange.DeadlineOverdue',
      'uk.ecris.exchange.ReviewTaskRaised',
      'uk.ecris.agency.PreviousConvictionsResponse',
    ]);
    expect(decision.emits[0]?.value).toEqual({ deadlineId: `DL-${IT_REQ}-0`, exchangeId: IT_REQ, kind: 'AWAIT_ANSWER', dueOn: '2026-03-27', detectedAt: '2026-03-30T08:00:00Z' });
    expect(decision.emits[1]?.value).toMatchObject({ taskId: `CHASE-DL-${IT_REQ}-0`, sourceMessageId: IT_REQ });
    expect(decision.emits[2]?.value).toMatchObject({ complete: true, answers: [{ outcome: 'NO_REPLY_BY_DEADLINE' }] });
    expect(markOverdue(decision.requestCase, '2026-03-31', '2026-03-31T08:00:00Z', context).emits).toEqual([]);
  });

  it('is not raised for a state that answered, and a late answer replaces "no reply"', () => {
    const answered = receiveResponse(sentOn2March(), rrs(IT_REQ, 'IT', []), '2026-03-20T10:00:00Z', context).requestCase;
    expect(markOverdue(answered, '2026-04-10', '2026-04-10T08:00:00Z', context).emits).toEqual([]);

    const overdue = markOverdue(sentOn2March(), '2026-03-30', '2026-03-30T08:00:00Z', context).requestCase;
    const late = receiveResponse(overdue, rrs(IT_REQ, 'IT', []), '2026-04-02T10:00:00Z', context);
    expect(late.emits[0]?.value).toMatchObject({ answers: [{ outcome: 'NO_CONVICTIONS' }] });
    expect(late.requestCase.states[0]?.answeredLate).toBe(true);
  });

  it.each([
    ['2026-03-02', '11-20'],
    ['2026-03-20', '1-5'],
    ['2026-03-27', '0'],
    ['2026-03-30', 'overdue'],
  ])('on %s the request falls in the days-left bucket %s', (today, bucket) => {
    expect(daysLeftBucket(sentOn2March().states[0]!.deadline, today)).toBe(bucket);
  });
});
