/**
 * The requested state asks for more to identify the person (RAI). We answer at once (RAR) with what the
 * agency's request holds, or "not available"; the state's clock then runs again from our answer
 * (ecris.md R15, scenario 17), so ours is re-based the same way. What we could not give becomes an
 * operator's task (the agency may hold more, e.g. fingerprints).
 */
import type { AdditionalInformationItem, RequestAdditionalInfo, RequestAdditionalInfoResponse } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import type { Decision } from './answers';
import { exchangeIndex, withExchange, withHistory } from './case-updates';
import type { DecisionContext } from './context';
import { deadlineIdOf, ecrisMessageId } from './ecris-ids';
import { emits, type Emit } from './emit';
import type { AgencyRequest, RequestCase } from './model';
import { ecrisPersonOf } from './person';
import { purposeOf } from './policy';

/** What an agency request can supply when asked; everything else (parents, documents, fingerprints...) it does not hold. */
export function itemsHeld(request: AgencyRequest): Set<AdditionalInformationItem> {
  const held = new Set<AdditionalInformationItem>(['Forename', 'Surname', 'Sex', 'BirthDate', 'BirthPlace', 'Nationality', 'MoreInformationOnRequestPurpose']);
  if (request.person.formerNames.length > 0) held.add('FormerName');
  if (request.person.aliases.length > 0) held.add('Alias');
  if (request.person.identityNumber !== null) held.add('IdentityNumber');
  return held;
}

export function answerAdditionalInfo(
  requestCase: RequestCase,
  rai: Omit<RequestAdditionalInfo, 'meta'>,
  receivedAt: string,
  context: DecisionContext,
): Decision {
  const index = exchangeIndex(requestCase, rai.header.responseTo!);
  const exchange = requestCase.states[index]!;
  const request = requestCase.request;
  const held = itemsHeld(request);
  const asked = rai.informationRequested.filter((item) => item !== 'UNRECOGNISED');
  const available = asked.filter((item) => held.has(item));
  const missing = asked.filter((item) => !held.has(item));
  const onDate = ukDateOf(receivedAt);

  const rarId = ecrisMessageId(context.senderCountry, exchange.state, 'RAR', rai.header.messageId);
  const purposeText = [request.purpose, request.caseReference ? `Case reference ${request.caseReference}.` : ''].join(' ').trim().slice(0, 400);
  const rar: Omit<RequestAdditionalInfoResponse, 'meta'> = {
    header: { messageId: rarId, timestamp: receivedAt, responseTo: rai.header.messageId, sender: context.senderCountry, receiver: exchange.state },
    contactPerson: null,
    remarks: [],
    person: available.length > 0 ? ecrisPersonOf(request.person, context, onDate) : null,
    requestPurpose: available.includes('MoreInformationOnRequestPurpose') ? [{ lang: 'en', translated: false, text: purposeText }] : [],
    responseTypeRef: available.length > 0 ? context.policy.additionalInfoAvailable : context.policy.additionalInfoNotAvailable,
    fingerprints: null,
  };
  const out: Emit[] = [emits.additionalInfoResponse(exchange.requestMessageId, rar, 'rar')];

  let updated = withHistory(requestCase, receivedAt, 'ADDITIONAL_INFO_REQUESTED', exchange.state, rai.header.messageId, asked.join(', '));
  const rarCount = exchange.rarCount + 1;
  if (exchange.status === 'AWAITING_ANSWER') {
    const purpose = purposeOf(context.policy, request.purposeCategoryRef)!;
    const deadline = context.deadlineRules.deadlineFor(
      { direction: 'request-out', purpose: purpose.class, legalBasis: context.policy.legalBasis, state: exchange.state },
      receivedAt,
    );
    const deadlineId = deadlineIdOf(exchange.requestMessageId, rarCount);
    updated = withExchange(updated, index, {
      rarCount,
      deadline: { deadlineId, startDate: deadline.startDate, dueDate: deadline.dueDate, rule: deadline.rule, overdueSince: null },
    });
    out.push(
      emits.deadlineRaised(
        exchange.requestMessageId,
        { deadlineId, exchangeId: exchange.requestMessageId, kind: 'AWAIT_ANSWER', rule: deadline.rule.id, startsOn: deadline.startDate, dueOn: deadline.dueDate },
        'deadline',
      ),
    );
  } else {
    updated = withExchange(updated, index, { rarCount });
  }
  if (missing.length > 0) {
    out.push(
      emits.reviewTask(
        exchange.requestMessageId,
        {
          taskId: `RT-${rai.header.messageId}`,
          kind: 'IDENTITY_MATCH',
          sourceMessageId: rai.header.messageId,
          reason: `${exchange.state} asked for ${missing.join(', ')} about ${exchange.requestMessageId}; the agency's request does not hold them, so our RAR ${rarId} said so. Ask the agency and send them if it has them.`,
          dueBy: null,
          texts: [],
        },
        'task',
      ),
    );
  }
  const note = `${rar.responseTypeRef}: ${available.length > 0 ? `gave ${available.join(', ')}` : 'nothing available'}`;
  return { requestCase: withHistory(updated, receivedAt, 'ADDITIONAL_INFO_SENT', exchange.state, rarId, note), emits: out };
}
