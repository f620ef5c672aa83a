import { UK_JURISDICTIONS, ukBankHolidays, type UkJurisdiction } from './calendar';
import { easterSunday } from './easter';
import { addCalendarDays, dayOfWeek, isoDateOf, type IsoDate } from './iso-date';
import data from './data/uk-bank-holidays.json';

/**
 * Checks the shipped table against the standing pattern of UK bank holidays, so a typo in the yearly
 * refresh fails here. One-off changes (proclaimed holidays, moved days) are listed explicitly.
 */
const ONE_OFF: Record<UkJurisdiction, { added: IsoDate[]; removed: IsoDate[] }> = {
  // 2022: spring holiday moved to 2 June, Platinum Jubilee 3 June, state funeral 19 September. 2023: coronation.
  'england-and-wales': { added: ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'], removed: ['2022-05-30'] },
  scotland: { added: ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'], removed: ['2022-05-30'] },
  'northern-ireland': { added: ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'], removed: ['2022-05-30'] },
};

const isWeekend = (date: IsoDate) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
function firstMonday(year: number, month: number): IsoDate {
  let date = isoDateOf(year, month, 1);
  while (dayOfWeek(date) !== 1) date = addCalendarDays(date, 1);
  return date;
}
function lastMonday(year: number, month: number): IsoDate {
  let date = addCalendarDays(isoDateOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (dayOfWeek(date) !== 1) date = addCalendarDays(date, -1);
  return date;
}
/** Holidays in date order; one on a weekend, or on a day already taken, moves to the next free weekday. */
function withSubstitutes(days: IsoDate[]): IsoDate[] {
  const taken: IsoDate[] = [];
  for (const day of days) {
    let date = day;
    while (isWeekend(date) || taken.includes(date)) date = addCalendarDays(date, 1);
    taken.push(date);
  }
  return taken;
}

function standardPattern(jurisdiction: UkJurisdiction, year: number): IsoDate[] {
  const easter = easterSunday(year);
  const newYear =
    jurisdiction === 'scotland' ? [isoDateOf(year, 1, 1), isoDateOf(year, 1, 2)] : [isoDateOf(year, 1, 1)];
  const days = [
    ...withSubstitutes(newYear),
    addCalendarDays(easter, -2),
    ...(jurisdiction === 'scotland' ? [] : [addCalendarDays(easter, 1)]),
    firstMonday(year, 5),
    lastMonday(year, 5),
    jurisdiction === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8),
    ...withSubstitutes([isoDateOf(year, 12, 25), isoDateOf(year, 12, 26)]),
  ];
  if (jurisdiction === 'scotland') days.push(...withSubstitutes([isoDateOf(year, 11, 30)]));
  if (jurisdiction === 'northern-ireland') days.push(...withSubstitutes([isoDateOf(year, 3, 17)]), ...withSubstitutes([isoDateOf(year, 7, 12)]));
  // Christmas Day falling on a weekend is not itself listed: its substitute is.
  return days;
}

describe.each(UK_JURISDICTIONS)('the shipped %s bank-holiday table', (jurisdiction) => {
  const table = data.jurisdictions[jurisdiction];
  const years: number[] = [];
  for (let y = table.coveredYears.from; y <= table.coveredYears.to; y += 1) years.push(y);

  it.each(years)('%i follows the standard pattern plus the listed one-off days', (year) => {
    const { added, removed } = ONE_OFF[jurisdiction];
    const expected = new Set([...standardPattern(jurisdiction, year), ...added].filter((d) => d.startsWith(`${year}-`)));
    for (const day of removed) expected.delete(day);
    const shipped = ukBankHolidays(jurisdiction)
      .map((h) => h.date)
      .filter((d) => d.startsWith(`${year}-`));
    expect([...shipped].sort()).toEqual([...expected].sort());
  });

  it('has no duplicates and no weekend dates', () => {
    const dates = ukBankHolidays(jurisdiction).map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.filter(isWeekend)).toEqual([]);
  });
});
