/**
 * Our clock on each state asked (20 UK working days by default: the deadline rules of @ecris/deadlines).
 * Past its due date with no answer, a request is overdue: once, it raises DeadlineOverdue, a chaser task
 * for an operator, and an updated answer to the agency saying that state did not reply in time. A late
 * answer is still taken and replaces that.
 */
import { calendarDaysBetween, isOverdue, ukCalendar, workingDaysBetween, type DeadlineRule } from '@ecris/deadlines';
import type { Decision } from './answers';
import { withExchange, withHistory } from './case-updates';
import type { DecisionContext } from './context';
import { emits, type Emit } from './emit';
import { responseOf } from './merge';
import type { RequestCase, StateDeadline, StateExchange } from './model';

const asDeadline = (deadline: StateDeadline) => ({ startDate: deadline.startDate, dueDate: deadline.dueDate, rule: deadline.rule });

/** Waiting for an answer, past due and not yet reported. */
export function becameOverdue(exchange: StateExchange, today: string): boolean {
  return exchange.status === 'AWAITING_ANSWER' && exchange.deadline.overdueSince === null && isOverdue(asDeadline(exchange.deadline), today);
}

/** `today` is the UK date of `detectedAt` (the injected clock's now). */
export function markOverdue(requestCase: RequestCase, today: string, detectedAt: string, context: DecisionContext): Decision {
  let updated = requestCase;
  const out: Emit[] = [];
  requestCase.states.forEach((exchange, index) => {
    if (!becameOverdue(exchange, today)) return;
    const { deadline, requestMessageId, state } = exchange;
    updated = withExchange(updated, index, { deadline: { ...deadline, overdueSince: detectedAt } });
    updated = withHistory(updated, detectedAt, 'OVERDUE', state, requestMessageId, `due ${deadline.dueDate} (${deadline.rule.id})`);
    out.push(
      emits.deadlineOverdue(
        requestMessageId,
        { deadlineId: deadline.deadlineId, exchangeId: requestMessageId, kind: 'AWAIT_ANSWER', dueOn: deadline.dueDate, detectedAt },
        `overdue/${deadline.deadlineId}`,
      ),
      emits.reviewTask(
        requestMessageId,
        {
          taskId: `CHASE-${deadline.deadlineId}`,
          // ReviewKind has no "chase" symbol (v1/v2); the task id prefix and the reason say what it is.
          kind: 'OTHER',
          sourceMessageId: requestMessageId,
          reason: `Chase ${state}: no answer to ${requestMessageId} by ${deadline.dueDate} (${deadline.rule.id}). A late answer is still accepted.`,
          dueBy: null,
          texts: [],
        },
        `chase/${deadline.deadlineId}`,
      ),
    );
  });
  if (out.length === 0) return { requestCase, emits: [] };
  out.push(emits.response(updated.requestId, responseOf(updated, context.policy), `response/overdue/${today}`));
  return { requestCase: updated, emits: out };
}

/** Buckets for the "open requests by days left" gauge. */
export const DAYS_LEFT_BUCKETS = ['overdue', '0', '1-5', '6-10', '11-20', 'over-20'] as const;
export type DaysLeftBucket = (typeof DAYS_LEFT_BUCKETS)[number];

/** Days left counted as the rule counts them (working days on its calendar, or calendar days). */
export function daysLeftBucket(deadline: { dueDate: string; rule: Pick<DeadlineRule, 'unit' | 'calendar'> }, today: string): DaysLeftBucket {
  if (today > deadline.dueDate) return 'overdue';
  const left =
    deadline.rule.unit === 'calendar-days'
      ? calendarDaysBetween(today, deadline.dueDate)
      : workingDaysBetween(today, deadline.dueDate, ukCalendar(deadline.rule.calendar));
  if (left <= 0) return '0';
  if (left <= 5) return '1-5';
  if (left <= 10) return '6-10';
  if (left <= 20) return '11-20';
  return 'over-20';
}
