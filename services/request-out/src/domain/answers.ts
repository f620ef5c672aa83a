/**
 * What a requested state sends back about our REQ: its deadline (RDL, recorded as given) and its answer
 * (RRS). An answer with convictions goes to the translation service first; the agency gets it once it
 * is in English. Answers after our deadline are still taken.
 */
import type { Conviction, RequestDeadline, StateAnswer, TextTranslated } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import { exchangeIndex, withExchange, withHistory } from './case-updates';
import { stateOfCountryRef, type DecisionContext } from './context';
import { translationIdOf } from './ecris-ids';
import { emits, type Emit } from './emit';
import { convictionsWithEnglish } from './english';
import { responseOf } from './merge';
import type { ReceivedResponse, RequestCase, StateExchange } from './model';
import { outcomeOf } from './policy';

export interface Decision {
  readonly requestCase: RequestCase;
  readonly emits: readonly Emit[];
}

const WIRE_CODE = /^[A-Z]{2}$/;

export function recordTheirDeadline(requestCase: RequestCase, rdl: Omit<RequestDeadline, 'meta'>, receivedAt: string): Decision {
  const index = exchangeIndex(requestCase, rdl.header.responseTo!);
  const exchange = requestCase.states[index]!;
  const updated = withExchange(requestCase, index, { theirDeadline: rdl.deadline });
  const note = `${exchange.state} will answer by ${rdl.deadline}; our deadline ${exchange.deadline.dueDate}`;
  return { requestCase: withHistory(updated, receivedAt, 'DEADLINE_GIVEN', exchange.state, rdl.header.messageId, note), emits: [] };
}

export function stateAnswerFrom(
  exchange: StateExchange,
  response: ReceivedResponse,
  convictions: readonly Conviction[],
  receivedAt: string,
  context: DecisionContext,
): StateAnswer {
  const onDate = ukDateOf(receivedAt);
  return {
    state: exchange.state,
    ecrisRequestId: exchange.requestMessageId,
    ecrisResponseId: response.header.messageId,
    outcome: outcomeOf(context.policy, response.responseTypeRef, convictions.length),
    responseTypeRef: response.responseTypeRef,
    answeredAt: receivedAt,
    convictions: convictions.map((conviction) => ({
      answeredBy: exchange.state,
      sourceMessageId: response.header.messageId,
      conviction,
      convictingState: stateOfCountryRef(context, conviction.convictingCountryRef, onDate),
    })),
    otherMemberStates: response.otherMemberStates.filter((code) => WIRE_CODE.test(code)),
  };
}

function deliver(requestCase: RequestCase, index: number, answer: StateAnswer, at: string, step: string, context: DecisionContext): Decision {
  const exchange = requestCase.states[index]!;
  const answered = withExchange(requestCase, index, { status: 'ANSWERED', answer, pendingTranslation: null });
  const note = `${answer.outcome}, ${answer.convictions.length} conviction(s)`;
  const updated = withHistory(answered, at, 'ANSWER_DELIVERED', exchange.state, answer.ecrisResponseId, note);
  return { requestCase: updated, emits: [emits.response(updated.requestId, responseOf(updated, context.policy), step)] };
}

export function receiveResponse(requestCase: RequestCase, response: ReceivedResponse, receivedAt: string, context: DecisionContext): Decision {
  const index = exchangeIndex(requestCase, response.header.responseTo!);
  const exchange = requestCase.states[index]!;
  const responseId = response.header.messageId;
  const alreadyHave = exchange.answer?.ecrisResponseId === responseId || exchange.pendingTranslation?.response.header.messageId === responseId;
  if (alreadyHave) return { requestCase, emits: [] }; // the same RRS again under another ce_id (a gateway retry)

  const late = ukDateOf(receivedAt) > exchange.deadline.dueDate;
  const note = `${response.responseTypeRef}, ${response.convictions.length} conviction(s)${late ? ', after our deadline' : ''}`;
  const received = withHistory(
    withExchange(requestCase, index, { answeredLate: late }),
    receivedAt,
    'ANSWER_RECEIVED',
    exchange.state,
    responseId,
    note,
  );
  if (response.convictions.length === 0) {
    return deliver(received, index, stateAnswerFrom(exchange, response, [], receivedAt, context), receivedAt, 'response', context);
  }

  const translationId = translationIdOf(responseId);
  const translating = withExchange(received, index, {
    status: 'TRANSLATING',
    pendingTranslation: { translationId, response, receivedAt },
  });
  const translation = emits.translationRequested(
    exchange.requestMessageId,
    {
      translationId,
      sourceMessageId: responseId,
      targetLang: 'en',
      items: [],
      messageType: 'RRS',
      senderState: response.header.sender,
      sentAt: response.header.timestamp,
      person: response.person,
      updatedConvictionReference: null,
      convictions: response.convictions,
      remarks: response.remarks,
    },
    'translate',
  );
  return {
    requestCase: withHistory(translating, receivedAt, 'SENT_FOR_TRANSLATION', exchange.state, translationId),
    emits: [translation],
  };
}

/**
 * The translation came back. Only the translation we wait for counts: one for an answer since replaced
 * by a newer answer, or already applied, changes nothing.
 */
export function receiveTranslation(requestCase: RequestCase, translated: Omit<TextTranslated, 'meta'>, at: string, context: DecisionContext): Decision {
  const index = requestCase.states.findIndex((exchange) => exchange.pendingTranslation?.translationId === translated.translationId);
  if (index < 0) return { requestCase, emits: [] };
  const exchange = requestCase.states[index]!;
  const pending = exchange.pendingTranslation!;
  const convictions = convictionsWithEnglish(pending.response.convictions, translated.convictions);
  const answer = stateAnswerFrom(exchange, pending.response, convictions, pending.receivedAt, context);
  return deliver(requestCase, index, answer, at, 'response', context);
}
