/**
 * The 28-day notification clock (ecris.md R2, R6: FRA 2020 s.1(5), (7)): "before the end of 28 days
 * beginning with the day the conviction is recorded", and again from the day an amendment or removal is
 * recorded. The rule itself lives in @ecris/deadlines (rule `notification-out`), keyed by the state.
 */
import { deadlineFor } from '@ecris/deadlines';

export interface NotificationDeadline {
  /** The UK day the clock started. */
  readonly startsOn: string;
  /** The last UK day on which the notification is in time (day D + 27). */
  readonly dueOn: string;
  readonly rule: string;
}

export function notificationDeadline(receivingState: string, recordedAt: string): NotificationDeadline {
  const deadline = deadlineFor({ direction: 'notification-out', legalBasis: 'tca', state: receivingState }, recordedAt);
  return { startsOn: deadline.startDate, dueOn: deadline.dueDate, rule: deadline.rule.id };
}

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/**
 * The last instant of a UK day, as an ISO instant: what a work item's `dueBy` says for a deadline day.
 * The offset is London's on that day (GMT or BST), so "end of 31 July" is 22:59:59Z, not 23:59:59Z.
 */
export function endOfUkDay(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  // "GMT" in winter, "GMT+01:00" in summer; DST never changes at noon.
  const label = londonOffset.formatToParts(noon).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(Date.parse(`${day}T23:59:59Z`) - offsetMinutes * 60_000).toISOString();
}

/** Is the notification late on `today` (a UK day)? */
export function isOverdue(dueOn: string, today: string): boolean {
  return today > dueOn;
}
