import { CalendarOutOfRangeError, calendarFrom, ukCalendar, type NonWorkingReason, type UkJurisdiction } from './calendar';

describe('ukCalendar', () => {
  const cases: [UkJurisdiction, string, NonWorkingReason | null, string][] = [
    ['england-and-wales', '2026-04-02', null, 'Thursday before Easter'],
    ['england-and-wales', '2026-04-03', 'good-friday', 'Good Friday'],
    ['england-and-wales', '2026-04-06', 'bank-holiday', 'Easter Monday'],
    ['scotland', '2026-04-06', null, 'Easter Monday is a working day in Scotland'],
    ['england-and-wales', '2026-12-25', 'christmas-day', 'Christmas Day on a Friday'],
    ['england-and-wales', '2026-12-26', 'saturday', 'Boxing Day on a Saturday'],
    ['england-and-wales', '2026-12-28', 'bank-holiday', 'Boxing Day substitute Monday'],
    ['england-and-wales', '2026-12-29', null, 'between Christmas and New Year'],
    ['england-and-wales', '2027-12-27', 'bank-holiday', 'Christmas substitute when 25th is a Saturday'],
    ['england-and-wales', '2027-01-04', null, '4 January, England'],
    ['scotland', '2027-01-04', 'bank-holiday', '2 January substitute, Scotland'],
    ['scotland', '2025-12-01', 'bank-holiday', "St Andrew's Day substitute"],
    ['england-and-wales', '2025-12-01', null, "no St Andrew's Day in England"],
    ['northern-ireland', '2025-07-14', 'bank-holiday', 'Battle of the Boyne substitute'],
    ['northern-ireland', '2024-03-18', 'bank-holiday', "St Patrick's Day substitute"],
    ['england-and-wales', '2024-03-18', null, "no St Patrick's Day in England"],
    ['england-and-wales', '2024-02-29', null, 'leap day, a Thursday'],
    ['england-and-wales', '2028-02-29', null, 'leap day, a Tuesday'],
    ['england-and-wales', '2024-03-02', 'saturday', 'Saturday'],
    ['england-and-wales', '2024-03-03', 'sunday', 'Sunday'],
    ['england-and-wales', '2025-08-25', 'bank-holiday', 'summer bank holiday Monday'],
    ['scotland', '2025-08-25', null, 'Scotland has its summer holiday on 4 August'],
    ['england-and-wales', '2023-05-08', 'bank-holiday', 'coronation (one-off)'],
  ];
  it.each(cases)('%s %s -> %s (%s)', (jurisdiction, date, reason) => {
    const calendar = ukCalendar(jurisdiction);
    expect(calendar.nonWorkingReason(date)).toBe(reason);
    expect(calendar.isWorkingDay(date)).toBe(reason === null);
  });

  it('refuses to guess outside the years its table covers', () => {
    expect(() => ukCalendar('england-and-wales').isWorkingDay('2029-01-02')).toThrow(CalendarOutOfRangeError);
    expect(() => ukCalendar('scotland').isWorkingDay('2021-12-31')).toThrow(/2022-2028/);
  });

  it('rejects an unknown jurisdiction and malformed dates', () => {
    expect(() => ukCalendar('wales' as UkJurisdiction)).toThrow(/unknown UK jurisdiction/);
    expect(() => ukCalendar().isWorkingDay('2025-02-30')).toThrow(/real calendar date/);
  });
});

describe('calendarFrom', () => {
  it('treats Christmas Day and Good Friday as non-working even when its table omits them', () => {
    const bare = calendarFrom({ id: 'bare', coveredYears: { from: 2030, to: 2030 }, holidays: [] });
    expect(bare.nonWorkingReason('2030-12-25')).toBe('christmas-day');
    expect(bare.nonWorkingReason('2030-04-19')).toBe('good-friday');
    expect(bare.isWorkingDay('2030-04-22')).toBe(true);
  });

  it('refuses a holiday outside the covered years', () => {
    expect(() =>
      calendarFrom({ id: 'bad', coveredYears: { from: 2030, to: 2030 }, holidays: [{ date: '2031-01-01', title: 'x' }] }),
    ).toThrow(/outside its covered years/);
  });
});
