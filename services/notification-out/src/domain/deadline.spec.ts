import { endOfUkDay, isOverdue, notificationDeadline } from './deadline';

describe('the 28-day notification deadline (R2: 28 days beginning with the day the conviction is recorded)', () => {
  it.each([
    // recorded at               UK day        last day (D + 27)
    ['2025-02-25T09:00:00Z', '2025-02-25', '2025-03-24'],
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the clock starts on 1 July.
    ['2025-06-30T23:30:00Z', '2025-07-01', '2025-07-28'],
    // Across a leap day.
    ['2024-02-10T12:00:00Z', '2024-02-10', '2024-03-08'],
    // Across New Year.
    ['2025-12-20T10:00:00Z', '2025-12-20', '2026-01-16'],
  ])('recorded %s: starts %s, due %s', (recordedAt, startsOn, dueOn) => {
    expect(notificationDeadline('FR', recordedAt)).toEqual({ startsOn, dueOn, rule: 'notification-out' });
  });

  it('is overdue only after the last day', () => {
    expect(isOverdue('2025-03-24', '2025-03-24')).toBe(false);
    expect(isOverdue('2025-03-24', '2025-03-25')).toBe(true);
  });

  it.each([
    ['2025-01-15', '2025-01-15T23:59:59.000Z'],
    ['2025-07-31', '2025-07-31T22:59:59.000Z'],
  ])('the end of UK day %s is %s (GMT in winter, BST in summer)', (day, instant) => {
    expect(endOfUkDay(day)).toBe(instant);
  });
});
