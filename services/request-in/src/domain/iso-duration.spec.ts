import { addPeriod, approximateMonths, parseDuration } from './iso-duration';

describe('parseDuration', () => {
  it.each([
    ['P1Y6M', { years: 1, months: 6, days: 0 }],
    ['P18M', { years: 0, months: 18, days: 0 }],
    ['P2W', { years: 0, months: 0, days: 14 }],
    ['P30D', { years: 0, months: 0, days: 30 }],
    ['PT12H', { years: 0, months: 0, days: 1 }],
    ['P1Y2M3W4D', { years: 1, months: 2, days: 25 }],
  ])('%s', (text, period) => {
    expect(parseDuration(text)).toEqual(period);
  });

  it.each(['', 'P', 'PT', '18 months', 'P-1Y', null])('refuses %p', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('addPeriod', () => {
  it.each([
    ['2020-01-31', 'P1M', '2020-02-29'],
    ['2021-01-31', 'P1M', '2021-02-28'],
    ['2024-02-29', 'P1Y', '2025-02-28'],
    ['2023-11-15', 'P18M', '2025-05-15'],
    ['2023-12-20', 'P2W', '2024-01-03'],
  ])('%s + %s = %s', (date, duration, expected) => {
    expect(addPeriod(date, parseDuration(duration)!)).toBe(expected);
  });

  it('counts days as fractions of a month for the bands', () => {
    expect(approximateMonths(parseDuration('P1Y')!)).toBe(12);
    expect(approximateMonths(parseDuration('P365D')!)).toBeCloseTo(12, 0);
  });
});
