import type { Request } from '@ecris/contracts';
import { validateMessage } from '@ecris/ecris-model';
import { requestMessageIdOf } from './ecris-ids';
import { decideSubmission, submittedCase, type Submission } from './submit';
import { acro, agencyRequest, context, gmp, OTHER_PURPOSE, OWN_RECORD } from './testing/fixtures';
import type { AgencyRequest } from './model';

const submission = (request: AgencyRequest, agency = gmp): Submission => ({
  request,
  channel: 'KAFKA',
  submittedAt: '2026-03-02T09:00:00Z',
  agency,
  rejectionId: 'RJ-1',
});

describe('REQ fan-out: one REQ per EU state of nationality', () => {
  it.each([
    ['an Italian national', ['IT'], [], ['IT']],
    ['an IT+RO dual national: one REQ to each', ['IT', 'RO'], [], ['IT', 'RO']],
    ['a UK+FR dual national: FR only (we do not ask ourselves)', ['GB', 'FR'], [], ['FR']],
    ['a US+DE national: the EU state only', ['US', 'DE'], [], ['DE']],
    ['Greece given as EL: sent to the wire code GR', ['EL'], [], ['GR']],
    ['the same state twice: one REQ', ['IT', 'IT'], [], ['IT']],
    ['target states chosen by the agency (a follow-up)', ['IT'], ['DE'], ['DE']],
  ])('%s', (_name, nationalities, targetStates, expected) => {
    const decision = decideSubmission(undefined, submission(agencyRequest({ targetStates }, { nationalities })), context);
    expect(decision.kind).toBe('opened');
    if (decision.kind !== 'opened') return;
    expect(decision.requestCase.states.map((s) => s.state)).toEqual(expected);
    const reqs = decision.emits.filter((e) => e.topic === 'ecris.outbound.v1');
    expect(reqs.map((e) => (e.value as Request).header.receiver)).toEqual(expected);
    expect(reqs.map((e) => e.key)).toEqual(expected.map((state) => requestMessageIdOf('GB', state, 'AR-TEST-1')));
  });

  it('builds each REQ as ECRIS requires, from the agency request and the configured agency', () => {
    const decision = decideSubmission(undefined, submission(agencyRequest({ urgency: 'HIGH' }, { nationalities: ['IT', 'RO'] })), context);
    if (decision.kind !== 'opened') throw new Error(decision.kind);
    const req = decision.emits.find((e) => e.schema === 'uk.ecris.message.Request')!.value as Request;
    expect(validateMessage('REQ', req)).toEqual([]);
    expect(req.person.nationalityRefs).toEqual(['CO-00-380-ITA', 'CO-00-642-ROU']);
    expect(req.person.birthPlace.countryRef).toBe('CO-00-380-ITA');
    expect(req.urgency).toBe('Yes');
    expect(req.requestingAuthority).toEqual({ typeRef: 'RAT-00-A', code: 'GMP', name: [{ lang: 'en', translated: false, text: 'Greater Manchester Police' }] });
    expect(req.header).toMatchObject({ sender: 'GB', receiver: 'IT', responseTo: null, timestamp: '2026-03-02T09:00:00Z' });
  });

  it('starts a 20-working-day clock per state and says so on the deadlines topic', () => {
    const decision = decideSubmission(undefined, submission(agencyRequest()), context);
    if (decision.kind !== 'opened') throw new Error(decision.kind);
    const [exchange] = decision.requestCase.states;
    // Monday 2 March 2026 is day 1; 20 working days beginning with it end on Friday 27 March.
    expect(exchange?.deadline).toMatchObject({ startDate: '2026-03-02', dueDate: '2026-03-27', overdueSince: null });
    expect(exchange?.deadline.rule.id).toBe('request-out/tca');
    const raised = decision.emits.find((e) => e.schema === 'uk.ecris.exchange.DeadlineRaised');
    expect(raised?.value).toMatchObject({ kind: 'AWAIT_ANSWER', startsOn: '2026-03-02', dueOn: '2026-03-27', rule: 'request-out/tca' });
  });

  it('is deterministic: the same submission gives the same case and outputs', () => {
    const a = decideSubmission(undefined, submission(agencyRequest({}, { nationalities: ['IT', 'RO'] })), context);
    const b = decideSubmission(undefined, submission(agencyRequest({}, { nationalities: ['IT', 'RO'] })), context);
    expect(a).toEqual(b);
  });

  it('refuses when no EU state of nationality is left to ask', () => {
    const decision = decideSubmission(undefined, submission(agencyRequest({}, { nationalities: ['US'] })), context);
    expect(decision.kind).toBe('rejected');
    if (decision.kind !== 'rejected') return;
    expect(decision.emits).toHaveLength(1);
    expect(decision.emits[0]?.value).toMatchObject({ reason: 'NO_STATE_TO_ASK', channel: 'KAFKA', action: 'SUBMIT', requestId: 'AR-TEST-1' });
  });

  it('does not send another purpose to a state not configured to take it', () => {
    const agency = { ...gmp, purposes: [...gmp.purposes, OTHER_PURPOSE] };
    const decision = decideSubmission(undefined, submission(agencyRequest({ purposeCategoryRef: OTHER_PURPOSE }), agency), context);
    expect(decision.kind).toBe('rejected');
    if (decision.kind === 'rejected') expect(decision.emits[0]?.value).toMatchObject({ reason: 'NO_STATE_TO_ASK' });
  });

  it("always sends an EU national's own-record request, whatever the sending policy says (FRA 2020 s.4(2))", () => {
    const strict = { ...context, policy: { ...context.policy, purposes: context.policy.purposes.map((p) => ({ ...p, sendTo: [] as string[] })) } };
    const request = agencyRequest({ purposeCategoryRef: OWN_RECORD, agency: { ...agencyRequest().agency, agencyCode: 'ACRO' } }, { nationalities: ['FR', 'IE'] });
    const decision = decideSubmission(undefined, submission(request, acro), strict);
    expect(decision.kind).toBe('opened');
    if (decision.kind === 'opened') expect(decision.requestCase.states.map((s) => s.state)).toEqual(['FR', 'IE']);
  });

  it('takes a request once: the same request id again (a redelivery under another event id) sends nothing', () => {
    const first = decideSubmission(undefined, submission(agencyRequest()), context);
    if (first.kind !== 'opened') throw new Error(first.kind);
    expect(decideSubmission(first.requestCase, submission(agencyRequest()), context)).toEqual({ kind: 'duplicate' });
  });

  it("refuses another agency's request id without touching the first agency's case", () => {
    const first = decideSubmission(undefined, submission(agencyRequest()), context);
    if (first.kind !== 'opened') throw new Error(first.kind);
    const other = agencyRequest({ agency: { ...agencyRequest().agency, agencyCode: 'MPS' } });
    const decision = decideSubmission(first.requestCase, submission(other), context);
    expect(decision).toMatchObject({ kind: 'rejected', requestCase: null });
    if (decision.kind === 'rejected') expect(decision.emits[0]?.value).toMatchObject({ reason: 'DUPLICATE_REQUEST_ID', agencyCode: 'MPS' });
  });

  it('sends a request taken in over HTTP when its record comes through, keeping it an HTTP case', () => {
    const stored = submittedCase(agencyRequest(), '2026-03-02T09:00:00Z', null);
    const decision = decideSubmission(stored, { ...submission(agencyRequest()), channel: 'HTTP' }, context);
    expect(decision.kind).toBe('opened');
    if (decision.kind !== 'opened') return;
    expect(decision.requestCase).toMatchObject({ channel: 'HTTP', stage: 'OPEN' });
    expect(decision.requestCase.history.map((h) => h.kind)).toEqual(['SUBMITTED', 'REQUEST_SENT']);
  });
});
