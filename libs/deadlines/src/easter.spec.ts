import { easterSunday, goodFriday } from './easter';

describe('easterSunday', () => {
  // Published Easter dates, including the earliest (22 March) and latest (25 April) cases.
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i -> %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('puts Good Friday two days before, across a month boundary too', () => {
    expect(goodFriday(2024)).toBe('2024-03-29');
    expect(goodFriday(2021)).toBe('2021-04-02');
  });
});
