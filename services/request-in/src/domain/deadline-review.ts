import { ukCalendar, workingDaysBetween, type DeadlineRules, type IsoDate } from '@ecris/deadlines';

/** A request still waiting (for the identifiers an RAI asked for), as the deadline check sees it. */
export interface OpenRequest {
  readonly requestId: string;
  readonly dueOn: IsoDate;
  readonly deadlineRule: string;
  readonly overdueSince: string | null;
}

/** Buckets of the open-requests gauge, by working days left. */
export const DAYS_LEFT_BUCKETS = ['overdue', '0', '1-5', '6-10', '11+'] as const;
export type DaysLeftBucket = (typeof DAYS_LEFT_BUCKETS)[number];

export interface DeadlineReview {
  /** Past their due date and not yet marked so. */
  readonly newlyOverdue: readonly string[];
  /** To close now with "multiple people found" (their due date has come). */
  readonly toClose: readonly string[];
  readonly openByDaysLeft: Readonly<Record<DaysLeftBucket, number>>;
  readonly overdue: number;
}

export function bucketOf(daysLeft: number): DaysLeftBucket {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return '0';
  if (daysLeft <= 5) return '1-5';
  if (daysLeft <= 10) return '6-10';
  return '11+';
}

/**
 * The periodic look at open requests, on the UK date `today`: what has become overdue, what to
 * close, and the gauges of what stays open afterwards. Working days are counted on the calendar of
 * each request's deadline rule.
 */
export function reviewOpenRequests(
  open: readonly OpenRequest[],
  today: IsoDate,
  rules: DeadlineRules,
  closeOnDueDate: boolean,
): DeadlineReview {
  const openByDaysLeft = Object.fromEntries(DAYS_LEFT_BUCKETS.map((bucket) => [bucket, 0])) as Record<DaysLeftBucket, number>;
  const newlyOverdue: string[] = [];
  const toClose: string[] = [];
  let overdue = 0;
  for (const request of open) {
    const isOverdue = today > request.dueOn;
    if (isOverdue && request.overdueSince === null) newlyOverdue.push(request.requestId);
    if (closeOnDueDate && today >= request.dueOn) {
      toClose.push(request.requestId); // closed now, so no longer open
      continue;
    }
    if (isOverdue) {
      overdue += 1;
      openByDaysLeft.overdue += 1;
      continue;
    }
    const calendar = ukCalendar(rules.rules.find((rule) => rule.id === request.deadlineRule)?.calendar ?? 'england-and-wales');
    openByDaysLeft[bucketOf(workingDaysBetween(today, request.dueOn, calendar))] += 1;
  }
  return { newlyOverdue, toClose, openByDaysLeft, overdue };
}
