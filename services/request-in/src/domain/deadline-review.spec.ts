import { DEFAULT_DEADLINE_RULES } from '@ecris/deadlines';
import { reviewOpenRequests, type OpenRequest } from './deadline-review';

const open = (requestId: string, dueOn: string, overdueSince: string | null = null): OpenRequest => ({ requestId, dueOn, deadlineRule: 'request-in/tca', overdueSince });

describe('reviewOpenRequests', () => {
  const requests = [
    open('due-in-12', '2026-05-01'), // from Wed 15 April 2026: 12 working days
    open('due-in-3', '2026-04-20'),
    open('due-today', '2026-04-15'),
    open('overdue', '2026-04-14'),
    open('overdue-marked', '2026-04-01', '2026-04-02T00:00:00Z'),
  ];

  it('without closing: counts open requests by working days left and marks new overdue ones', () => {
    const review = reviewOpenRequests(requests, '2026-04-15', DEFAULT_DEADLINE_RULES, false);
    expect(review.newlyOverdue).toEqual(['overdue']);
    expect(review.toClose).toEqual([]);
    expect(review.overdue).toBe(2);
    expect(review.openByDaysLeft).toEqual({ overdue: 2, '0': 1, '1-5': 1, '6-10': 0, '11+': 1 });
  });

  it('closing on the due date: those due today or earlier close, and what stays open is counted', () => {
    const review = reviewOpenRequests(requests, '2026-04-15', DEFAULT_DEADLINE_RULES, true);
    expect(review.toClose).toEqual(['due-today', 'overdue', 'overdue-marked']);
    expect(review.newlyOverdue).toEqual(['overdue']);
    expect(review.overdue).toBe(0);
    expect(review.openByDaysLeft).toEqual({ overdue: 0, '0': 0, '1-5': 1, '6-10': 0, '11+': 1 });
  });

  it('counts a Saturday after a Friday due date as overdue, not as "0 days left"', () => {
    const review = reviewOpenRequests([open('fri', '2026-04-17')], '2026-04-18', DEFAULT_DEADLINE_RULES, false);
    expect(review.openByDaysLeft.overdue).toBe(1);
    expect(review.newlyOverdue).toEqual(['fri']);
  });
});
