import type { WorkingDayCalendar } from './calendar';
import { addCalendarDays, assertIsoDate, type IsoDate } from './iso-date';

/**
 * The date `n` working days after `date` (before it when n < 0); `date` itself is never counted.
 * From a Thursday, 1 working day is the Friday. n = 0 returns `date` unchanged even if it is not a
 * working day.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (calendar.isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days d with from < d <= to; when `to` is before `from`, minus the count the other way.
 * The inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n, c), c) === n for n >= 0,
 * and for n < 0 when d is a working day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingDayCalendar): number {
  assertIsoDate(from);
  assertIsoDate(to);
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}

/**
 * The last day of a period of `n` working days *beginning with* `start` (the statute's wording,
 * FRA 2020 s.5(4)): `start` is day 1 when it is a working day; otherwise the first working day
 * after it is.
 */
export function lastOfWorkingDaysBeginningWith(start: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a period needs at least one day, got ${n}`);
  return addWorkingDays(start, calendar.isWorkingDay(start) ? n - 1 : n, calendar);
}

/** The next working day on or after `date`. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.isWorkingDay(date) ? date : addWorkingDays(date, 1, calendar);
}
