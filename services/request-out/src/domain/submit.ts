/**
 * An agency request arrives (on agency.requests.v1, whether an agency put it there or our HTTP API did):
 * refuse it, or send one REQ to each EU state to ask and start a clock for each (FRA 2020 s.4(1)-(3)).
 */
import type { Request } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import { validateMessage } from '@ecris/ecris-model';
import { isMemberStateWireCode } from '@ecris/reference-data';
import { rejectionOf, submissionRefusal, type Refusal } from './authorise';
import { euStateOf, type DecisionContext } from './context';
import { deadlineIdOf, requestMessageIdOf } from './ecris-ids';
import { emits, type Emit } from './emit';
import type { AgencyRequest, Channel, HistoryEntry, RequestCase, StateExchange, StateNotAsked } from './model';
import { ecrisPersonOf } from './person';
import { purposeOf, type Agency, type PurposeDefinition } from './policy';

export interface Submission {
  readonly request: AgencyRequest;
  readonly channel: Channel;
  /** ce_time of the agency request record. */
  readonly submittedAt: string;
  /** The agency named in the request, as configured; undefined when we do not know it. */
  readonly agency: Agency | undefined;
  /** Used when the submission is refused (derived by the caller from the input's id). */
  readonly rejectionId: string;
}

export type SubmissionDecision =
  /** Already taken in: nothing to do. */
  | { readonly kind: 'duplicate' }
  /** Refused; `requestCase` is the case to store (an HTTP-submitted one), else null. */
  | { readonly kind: 'rejected'; readonly emits: readonly Emit[]; readonly requestCase: RequestCase | null }
  | { readonly kind: 'opened'; readonly requestCase: RequestCase; readonly emits: readonly Emit[] };

const entry = (at: string, kind: HistoryEntry['kind'], state: string | null, messageId: string | null, note: string | null): HistoryEntry => ({
  at,
  kind,
  state,
  messageId,
  note,
});

/** A case as the HTTP API stores it before its record is consumed: SUBMITTED, nothing sent yet. */
export function submittedCase(request: AgencyRequest, submittedAt: string, followUpOf: string | null): RequestCase {
  return {
    requestId: request.requestId,
    agencyId: request.agency.agencyCode,
    channel: 'HTTP',
    stage: 'SUBMITTED',
    request,
    submittedAt,
    followUpOf,
    states: [],
    notAsked: [],
    rejection: null,
    history: [entry(submittedAt, 'SUBMITTED', null, null, 'over HTTP')],
    version: 0,
  };
}

export function decideSubmission(existing: RequestCase | undefined, input: Submission, context: DecisionContext): SubmissionDecision {
  const { request, submittedAt } = input;
  const agencyCode = request.agency.agencyCode;
  const refuse = (refusal: Refusal, requestCase: RequestCase | null): SubmissionDecision => ({
    kind: 'rejected',
    requestCase,
    emits: [
      emits.rejected(
        request.requestId,
        rejectionOf({
          rejectionId: input.rejectionId,
          requestId: request.requestId,
          agencyCode,
          channel: input.channel,
          action: 'SUBMIT',
          refusal,
          purposeCategoryRef: request.purposeCategoryRef,
          httpStatus: null,
          at: submittedAt,
        }),
        'rejected',
      ),
    ],
  });

  if (existing && existing.agencyId !== agencyCode) {
    return refuse({ reason: 'DUPLICATE_REQUEST_ID', problems: ['requestId: already used by another agency'] }, null);
  }
  if (existing && existing.stage !== 'SUBMITTED') return { kind: 'duplicate' };

  const onDate = ukDateOf(submittedAt);
  const refusal = submissionRefusal(input.agency, request, context, onDate) ?? undefined;
  const opened = refusal ? refusal : openCase(existing, input, input.agency!, context);
  if ('reason' in opened) {
    const rejectedCase = existing ? { ...existing, stage: 'REJECTED' as const, rejection: { reason: opened.reason, problems: opened.problems } } : null;
    return refuse(opened, rejectedCase);
  }
  return { kind: 'opened', ...opened };
}

/** The EU states to ask, and those left out by the sending policy. */
export function statesToAsk(
  request: AgencyRequest,
  purpose: PurposeDefinition,
  context: DecisionContext,
  onDate: string,
): { asked: string[]; notAsked: StateNotAsked[] } {
  const wanted = request.targetStates.length > 0 ? request.targetStates : request.person.nationalities;
  const states = [...new Set(wanted.map((code) => euStateOf(context, code, onDate)))].filter((s): s is string => s !== undefined);
  const asked: string[] = [];
  const notAsked: StateNotAsked[] = [];
  for (const state of states) {
    // FRA 2020 s.4(2): an EU national's request for their own record must be sent.
    const accepted = purpose.class === 'own-record' || purpose.sendTo === 'all' || purpose.sendTo.includes(state);
    if (accepted) asked.push(state);
    else notAsked.push({ state, reason: `${state} is not configured to take requests for: ${purpose.label}` });
  }
  return { asked, notAsked };
}

function openCase(
  existing: RequestCase | undefined,
  input: Submission,
  agency: Agency,
  context: DecisionContext,
): { requestCase: RequestCase; emits: Emit[] } | Refusal {
  const { request, submittedAt } = input;
  const onDate = ukDateOf(submittedAt);
  const purpose = purposeOf(context.policy, request.purposeCategoryRef)!;
  const { asked, notAsked } = statesToAsk(request, purpose, context, onDate);
  if (asked.length === 0) {
    const why = notAsked.length > 0 ? notAsked.map((n) => n.reason) : ['person.nationalities: no EU member state of nationality to ask'];
    return { reason: 'NO_STATE_TO_ASK', problems: why };
  }

  const person = ecrisPersonOf(request.person, context, onDate);
  const isMemberState = isMemberStateWireCode(context.referenceData, onDate);
  const out: Emit[] = [];
  const states: StateExchange[] = [];
  for (const state of asked) {
    const messageId = requestMessageIdOf(context.senderCountry, state, request.requestId);
    const req: Omit<Request, 'meta'> = {
      header: { messageId, timestamp: submittedAt, responseTo: null, sender: context.senderCountry, receiver: state },
      contactPerson: null,
      remarks: [],
      person,
      purposeCategoryRef: request.purposeCategoryRef,
      purpose: [{ lang: 'en', translated: false, text: request.purpose }],
      accusationOffenceCategoryRefs: [],
      accusation: [],
      requestingAuthority: { typeRef: agency.authorityTypeRef, code: agency.id, name: [{ lang: 'en', translated: false, text: agency.name }] },
      caseReferenceNumber: request.caseReference,
      concernedPersonConsent: request.consent,
      urgency: request.urgency === 'HIGH' ? 'Yes' : 'No',
      fingerprints: null,
    };
    const failures = validateMessage('REQ', req as Request, { isMemberState });
    if (failures.length > 0) return { reason: 'INVALID_REQUEST', problems: failures.map((f) => `REQ ${f.path}: ${f.message}`) };

    const deadline = context.deadlineRules.deadlineFor(
      { direction: 'request-out', purpose: purpose.class, legalBasis: context.policy.legalBasis, state },
      submittedAt,
    );
    const deadlineId = deadlineIdOf(messageId, 0);
    out.push(emits.request(messageId, req, `req/${state}`));
    out.push(
      emits.deadlineRaised(
        messageId,
        { deadlineId, exchangeId: messageId, kind: 'AWAIT_ANSWER', rule: deadline.rule.id, startsOn: deadline.startDate, dueOn: deadline.dueDate },
        `deadline/${state}`,
      ),
    );
    states.push({
      state,
      requestMessageId: messageId,
      sentAt: submittedAt,
      deadline: { deadlineId, startDate: deadline.startDate, dueDate: deadline.dueDate, rule: deadline.rule, overdueSince: null },
      theirDeadline: null,
      status: 'AWAITING_ANSWER',
      pendingTranslation: null,
      answer: null,
      answeredLate: false,
      failure: null,
      rarCount: 0,
    });
  }

  const base = existing ?? {
    requestId: request.requestId,
    agencyId: agency.id,
    channel: input.channel,
    request,
    submittedAt,
    followUpOf: null,
    history: [entry(submittedAt, 'SUBMITTED', null, null, 'on agency.requests.v1')],
    version: 0,
  };
  const history = [
    ...base.history,
    ...states.map((s) => entry(submittedAt, 'REQUEST_SENT', s.state, s.requestMessageId, `due ${s.deadline.dueDate} (${s.deadline.rule.id})`)),
    ...notAsked.map((n) => entry(submittedAt, 'NOT_SENT', n.state, null, n.reason)),
  ];
  return {
    requestCase: { ...base, stage: 'OPEN', states, notAsked, rejection: null, history },
    emits: out,
  };
}
