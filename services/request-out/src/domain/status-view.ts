/**
 * What the status API shows an agency about its own request: where each state is, the clocks, the
 * story so far and the follow-ups on offer. Ids and codes only: the person is not repeated back.
 */
import { daysLeft } from '@ecris/deadlines';
import { followUpsOf, isComplete, stateAnswerOf, type FollowUp } from './merge';
import type { CaseStage, HistoryEntry, RequestCase, StateNotAsked, StateStatus } from './model';

export interface StateStatusView {
  readonly state: string;
  readonly requestMessageId: string;
  readonly status: StateStatus;
  readonly outcome: string;
  readonly sentAt: string;
  readonly deadline: {
    readonly deadlineId: string;
    readonly dueDate: string;
    readonly rule: string;
    /** Working days left on the rule's calendar: 0 on the due date, negative once overdue. */
    readonly daysLeft: number | null;
    readonly overdueSince: string | null;
  };
  readonly theirDeadline: string | null;
  readonly answeredAt: string | null;
  readonly answeredLate: boolean;
  readonly functionalErrors: readonly string[];
}

export interface StatusView {
  readonly requestId: string;
  readonly stage: CaseStage;
  readonly complete: boolean;
  readonly channel: string;
  readonly purposeCategoryRef: string;
  readonly caseReference: string | null;
  readonly submittedAt: string;
  readonly followUpOf: string | null;
  readonly states: readonly StateStatusView[];
  readonly notAsked: readonly StateNotAsked[];
  readonly rejection: RequestCase['rejection'];
  readonly followUps: readonly FollowUp[];
  readonly history: readonly HistoryEntry[];
}

export function statusOf(requestCase: RequestCase, today: string, senderCountry: string): StatusView {
  return {
    requestId: requestCase.requestId,
    stage: requestCase.stage,
    complete: requestCase.states.length > 0 && isComplete(requestCase),
    channel: requestCase.channel,
    purposeCategoryRef: requestCase.request.purposeCategoryRef,
    caseReference: requestCase.request.caseReference,
    submittedAt: requestCase.submittedAt,
    followUpOf: requestCase.followUpOf,
    states: requestCase.states.map((exchange) => {
      const open = exchange.status === 'AWAITING_ANSWER';
      return {
        state: exchange.state,
        requestMessageId: exchange.requestMessageId,
        status: exchange.status,
        outcome: stateAnswerOf(exchange).outcome,
        sentAt: exchange.sentAt,
        deadline: {
          deadlineId: exchange.deadline.deadlineId,
          dueDate: exchange.deadline.dueDate,
          rule: exchange.deadline.rule.id,
          daysLeft: open ? daysLeft(exchange.deadline, today) : null,
          overdueSince: exchange.deadline.overdueSince,
        },
        theirDeadline: exchange.theirDeadline,
        answeredAt: exchange.answer?.answeredAt ?? exchange.pendingTranslation?.receivedAt ?? null,
        answeredLate: exchange.answeredLate,
        functionalErrors: exchange.failure?.codes ?? [],
      };
    }),
    notAsked: requestCase.notAsked,
    rejection: requestCase.rejection,
    followUps: followUpsOf(requestCase, senderCountry),
    history: requestCase.history,
  };
}
