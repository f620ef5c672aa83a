import { ukCalendar, type UkJurisdiction } from './calendar';
import { addCalendarDays, ukDateOf } from './iso-date';
import { addWorkingDays, lastOfWorkingDaysBeginningWith, nextWorkingDayOnOrAfter, workingDaysBetween } from './working-days';

const ew = ukCalendar('england-and-wales');

describe('addWorkingDays', () => {
  it.each([
    ['2026-04-02', 1, '2026-04-07', 'Thursday before Easter: Good Friday, weekend and Easter Monday skipped'],
    ['2024-03-28', 1, '2024-04-02', 'Thursday before Easter 2024'],
    ['2025-12-24', 1, '2025-12-29', 'Christmas Eve: Christmas, Boxing Day and the weekend skipped'],
    ['2027-12-24', 1, '2027-12-29', 'Christmas 2027 on a Saturday: two substitute days'],
    ['2027-12-31', 1, '2028-01-04', 'New Year 2028 on a Saturday: substitute Monday'],
    ['2024-02-28', 1, '2024-02-29', 'into a leap day'],
    ['2024-02-29', 1, '2024-03-01', 'out of a leap day'],
    ['2025-08-22', 1, '2025-08-26', 'over a bank-holiday Monday'],
    ['2025-08-25', 1, '2025-08-26', 'from a bank-holiday Monday'],
    ['2026-04-07', -1, '2026-04-02', 'backwards over Easter'],
    ['2026-04-04', 0, '2026-04-04', 'zero days is the date itself, even on a weekend'],
  ])('%s + %i -> %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n, ew)).toBe(expected);
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays('2026-04-02', 1.5, ew)).toThrow(/integer/);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-04-02', '2026-04-07', 1],
    ['2026-04-02', '2026-04-02', 0],
    ['2026-04-07', '2026-04-02', -1],
    ['2025-12-24', '2026-01-02', 4], // 29, 30, 31 Dec, 2 Jan
    ['2024-02-26', '2024-03-04', 5], // 27, 28, 29 Feb, 1 Mar, 4 Mar
  ])('%s -> %s = %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to, ew)).toBe(expected);
  });

  it('inverts addWorkingDays (forwards from any day, backwards from a working day), through a year', () => {
    const failures: string[] = [];
    for (let day = '2025-01-01'; day <= '2025-12-31'; day = addCalendarDays(day, 3)) {
      for (const n of [1, 5, 10, 20, ...(ew.isWorkingDay(day) ? [-3, -20] : [])]) {
        const to = addWorkingDays(day, n, ew);
        if (workingDaysBetween(day, to, ew) !== n) failures.push(`${day} ${n}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('20 working days beginning with the day of receipt (FRA 2020 s.5(4))', () => {
  const cases: [string, UkJurisdiction, string, string][] = [
    ['2026-04-02', 'england-and-wales', '2026-05-01', 'Thursday before Easter'],
    ['2026-04-02', 'scotland', '2026-04-30', 'same in Scotland: Easter Monday is worked'],
    ['2025-12-24', 'england-and-wales', '2026-01-23', 'last week of December'],
    ['2025-12-24', 'scotland', '2026-01-26', 'last week of December, Scotland also stops on 2 January'],
    ['2027-12-24', 'england-and-wales', '2028-01-25', 'Christmas on a Saturday, New Year on a Saturday'],
    ['2027-12-24', 'scotland', '2028-01-26', 'same, Scotland'],
    ['2024-02-12', 'england-and-wales', '2024-03-08', 'over a leap day (11 March without it)'],
    ['2025-08-25', 'england-and-wales', '2025-09-22', 'received on a bank-holiday Monday: day 1 is Tuesday'],
    ['2025-08-23', 'england-and-wales', '2025-09-22', 'received on the Saturday before it'],
    ['2025-08-22', 'england-and-wales', '2025-09-19', 'received on the Friday before it'],
    ['2025-07-11', 'northern-ireland', '2025-08-08', 'over the Boyne substitute Monday (7 August elsewhere)'],
    ['2025-07-11', 'england-and-wales', '2025-08-07', 'same dates, England'],
  ];
  it.each(cases)('received %s in %s -> due %s (%s)', (received, jurisdiction, due) => {
    expect(lastOfWorkingDaysBeginningWith(received, 20, ukCalendar(jurisdiction))).toBe(due);
  });

  it('a one-day period beginning with a working day ends that day', () => {
    expect(lastOfWorkingDaysBeginningWith('2026-04-02', 1, ew)).toBe('2026-04-02');
    expect(nextWorkingDayOnOrAfter('2026-04-03', ew)).toBe('2026-04-07');
  });
});

describe('ukDateOf', () => {
  it.each([
    ['2025-06-30T23:30:00Z', '2025-07-01', 'BST: half past midnight in London'],
    ['2025-12-31T23:30:00Z', '2025-12-31', 'GMT: still 31 December'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'the night the clocks go forward'],
    ['2026-04-02', '2026-04-02', 'a bare date is already a UK date'],
  ])('%s -> %s (%s)', (instant, expected) => {
    expect(ukDateOf(instant)).toBe(expected);
  });

  it('rejects nonsense', () => {
    expect(() => ukDateOf('yesterday')).toThrow(/not a valid instant/);
  });

  it('gives every instant of a UTC hour the date of its first, remembered or not, across both clock changes', () => {
    // Each UTC hour maps to one UK date (the offset changes on the hour), so what is remembered by hour holds.
    const hours = ['2026-03-28T23', '2026-03-29T00', '2026-03-29T01', '2026-03-29T23', '2026-10-24T23', '2026-10-25T00', '2026-10-25T01'];
    for (const hour of hours) {
      const first = ukDateOf(`${hour}:00:00.000Z`);
      expect([`${hour}:00:01Z`, `${hour}:30:00.123Z`, `${hour}:59:59.999Z`].map(ukDateOf)).toEqual([first, first, first]);
      expect(first).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(`${hour}:59:59.999Z`)));
    }
    expect(ukDateOf('2026-03-29T23:30:00Z')).toBe('2026-03-30');
    expect(ukDateOf('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(ukDateOf('2026-10-25T23:30:00Z')).toBe('2026-10-25');
  });
});
