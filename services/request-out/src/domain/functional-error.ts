/**
 * Functional errors both ways. A FEM from the state about our REQ ends that state's part (it will not
 * answer a request it could not process): the agency sees PROBLEM and an operator gets a task to
 * correct and resend. A FEM about our RAR is a task only. An invalid message from a state is answered
 * with our own FEM; a FEM is never answered with a FEM (no ping-pong).
 */
import type { FunctionalError, MessageHeader } from '@ecris/contracts';
import { functionalErrorItems, parseMessageId, type ValidationFailure } from '@ecris/ecris-model';
import type { Decision } from './answers';
import { exchangeIndex, withExchange, withHistory } from './case-updates';
import type { DecisionContext } from './context';
import { ecrisMessageId } from './ecris-ids';
import { emits, type Emit } from './emit';
import { responseOf } from './merge';
import type { RequestCase } from './model';

export function receiveFunctionalError(
  requestCase: RequestCase,
  fem: Omit<FunctionalError, 'meta'>,
  receivedAt: string,
  context: DecisionContext,
): Decision {
  const about = parseMessageId(fem.header.responseTo!)!;
  const codes = fem.errors.map((error) => error.code);
  const femId = fem.header.messageId;
  const state = fem.header.sender;
  const index = about.type === 'REQ' ? exchangeIndex(requestCase, fem.header.responseTo!) : requestCase.states.findIndex((s) => s.state === state);
  const exchange = requestCase.states[index];
  const key = exchange?.requestMessageId ?? requestCase.requestId;
  const task = emits.reviewTask(
    key,
    {
      taskId: `RT-${femId}`,
      kind: 'FUNCTIONAL_ERROR',
      sourceMessageId: femId,
      reason: `${state} returned functional error(s) ${codes.join(', ')} for our ${about.type} ${fem.header.responseTo}: correct it and send again.`,
      dueBy: null,
      texts: [],
    },
    'task',
  );
  let updated = withHistory(requestCase, receivedAt, 'FUNCTIONAL_ERROR_RECEIVED', state, femId, `${codes.join(', ')} about ${fem.header.responseTo}`);
  if (about.type !== 'REQ' || !exchange) return { requestCase: updated, emits: [task] };

  updated = withExchange(updated, index, { status: 'FAILED', failure: { messageId: femId, codes, at: receivedAt } });
  return { requestCase: updated, emits: [task, emits.response(updated.requestId, responseOf(updated, context.policy), 'response')] };
}

/** Our FEM back to the sender of an invalid message: one error per failure, field path and rule, never the value. */
export function functionalErrorReply(
  received: MessageHeader,
  failures: readonly ValidationFailure[],
  receivedAt: string,
  context: DecisionContext,
): Emit {
  const femId = ecrisMessageId(context.senderCountry, received.sender, 'FEM', received.messageId);
  const answered = received.responseTo ? parseMessageId(received.responseTo) : undefined;
  const key = answered?.type === 'REQ' ? received.responseTo! : received.messageId;
  return emits.functionalError(
    key,
    {
      header: { messageId: femId, timestamp: receivedAt, responseTo: received.messageId, sender: context.senderCountry, receiver: received.sender },
      contactPerson: null,
      remarks: [],
      errors: functionalErrorItems(failures),
    },
    'fem',
  );
}
