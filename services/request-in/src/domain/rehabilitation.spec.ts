import { heldConviction, sanction } from '../testing/held-convictions';
import type { HeldSanction, PartialBirthDate } from './held-conviction';
import { ownSpentFrom, spentFromAll, spentStatusOn, wasYouth, type SpentFrom } from './rehabilitation';

const ADULT: PartialBirthDate = { year: 1980, month: 6, day: 15 };
const YOUTH: PartialBirthDate = { year: 2005, month: 6, day: 15 };

describe('when one conviction becomes spent (ROA 1974 as amended)', () => {
  const on = (date: string): SpentFrom => ({ kind: 'on', date });
  const cases: [string, PartialBirthDate, string, HeldSanction[], SpentFrom][] = [
    ['adult fine: one year from conviction', ADULT, '2020-03-01', [sanction({ kind: 'FINE' })], on('2021-03-01')],
    ['youth fine: six months', YOUTH, '2020-03-01', [sanction({ kind: 'FINE' })], on('2020-09-01')],
    ['adult custody 6 months: a year after it ends', ADULT, '2020-01-10', [sanction({ kind: 'CUSTODY', duration: 'P6M' })], on('2021-07-10')],
    ['adult custody 2 years: four years after it ends', ADULT, '2020-01-10', [sanction({ kind: 'CUSTODY', duration: 'P2Y' })], on('2026-01-10')],
    ['youth custody 2 years: two years after', YOUTH, '2020-01-10', [sanction({ kind: 'CUSTODY', duration: 'P2Y' })], on('2024-01-10')],
    ['custody of exactly 4 years is in the 4-year band', ADULT, '2020-01-10', [sanction({ kind: 'CUSTODY', duration: 'P4Y' })], on('2028-01-10')],
    ['custody over 4 years: never spent', ADULT, '2020-01-10', [sanction({ kind: 'CUSTODY', duration: 'P5Y' })], { kind: 'never' }],
    [
      'suspended 6 months for 2 years: from the end of the operational period',
      ADULT,
      '2020-01-10',
      [sanction({ kind: 'SUSPENDED_CUSTODY', duration: 'P6M', suspendedFor: 'P2Y' })],
      on('2023-01-10'),
    ],
    ['community order of a year: when it ends', ADULT, '2020-01-10', [sanction({ kind: 'COMMUNITY', duration: 'P1Y' })], on('2021-01-10')],
    ['community order with its end date', ADULT, '2020-01-10', [sanction({ kind: 'COMMUNITY', endDate: '2020-11-30' })], on('2020-11-30')],
    ['conditional discharge of 12 months', ADULT, '2020-01-10', [sanction({ kind: 'DISCHARGE', duration: 'P12M' })], on('2021-01-10')],
    ['absolute discharge: at once', ADULT, '2020-01-10', [sanction({ kind: 'DISCHARGE' })], on('2020-01-10')],
    ['custody started later than the conviction', ADULT, '2020-01-10', [sanction({ kind: 'CUSTODY', duration: 'P6M', startDate: '2020-03-01' })], on('2021-09-01')],
    ['the longest of two sanctions', ADULT, '2020-01-10', [sanction({ kind: 'FINE' }), sanction({ kind: 'CUSTODY', duration: 'P6M' })], on('2021-07-10')],
    ['a sanction of unknown kind: cannot tell', ADULT, '2020-01-10', [sanction({ kind: 'OTHER' })], { kind: 'undetermined' }],
    ['custody without a length: cannot tell', ADULT, '2020-01-10', [sanction({ kind: 'CUSTODY' })], { kind: 'undetermined' }],
    ['never beats cannot-tell', ADULT, '2020-01-10', [sanction({ kind: 'OTHER' }), sanction({ kind: 'CUSTODY', duration: 'P10Y' })], { kind: 'never' }],
    ['no sanction at all: cannot tell', ADULT, '2020-01-10', [], { kind: 'undetermined' }],
  ];
  it.each(cases)('%s', (_name, birthDate, convictionDate, sanctions, expected) => {
    expect(ownSpentFrom(heldConviction({ convictionId: 'c', convictionDate, sanctions }), birthDate)).toEqual(expected);
  });
});

describe('wasYouth', () => {
  it.each([
    [{ year: 2002, month: null, day: null }, '2019-12-31', true],
    [{ year: 2002, month: null, day: null }, '2020-01-01', false],
    [{ year: 2002, month: 7, day: null }, '2020-06-30', true],
    [{ year: 2002, month: 7, day: 20 }, '2020-07-20', false],
  ])('born %j, convicted %s -> %s', (birthDate, convictionDate, expected) => {
    expect(wasYouth(birthDate, convictionDate)).toBe(expected);
  });
});

describe('a later conviction during the rehabilitation period keeps the earlier one unspent', () => {
  const fine = heldConviction({ convictionId: 'fine', convictionDate: '2020-03-01', sanctions: [sanction({ kind: 'FINE' })] });
  const custody = heldConviction({
    convictionId: 'custody',
    convictionDate: '2020-12-01',
    sanctions: [sanction({ kind: 'CUSTODY', duration: 'P6M' })],
  });
  const muchLater = heldConviction({ convictionId: 'later', convictionDate: '2023-05-01', sanctions: [sanction({ kind: 'FINE' })] });

  it('extends the fine to the custody sentence, and leaves a conviction after both alone', () => {
    const spent = spentFromAll([muchLater, custody, fine], ADULT);
    expect(spent.get('fine')).toEqual({ kind: 'on', date: '2022-06-01' });
    expect(spent.get('custody')).toEqual({ kind: 'on', date: '2022-06-01' });
    expect(spent.get('later')).toEqual({ kind: 'on', date: '2024-05-01' });
  });

  it('ignores deleted convictions', () => {
    const spent = spentFromAll([fine, { ...custody, deleted: true }], ADULT);
    expect(spent.get('fine')).toEqual({ kind: 'on', date: '2021-03-01' });
    expect(spent.has('custody')).toBe(false);
  });

  it('says spent from the day itself', () => {
    expect(spentStatusOn({ kind: 'on', date: '2021-03-01' }, '2021-02-28')).toBe('unspent');
    expect(spentStatusOn({ kind: 'on', date: '2021-03-01' }, '2021-03-01')).toBe('spent');
    expect(spentStatusOn({ kind: 'never' }, '2099-01-01')).toBe('unspent');
    expect(spentStatusOn({ kind: 'undetermined' }, '2099-01-01')).toBe('undetermined');
  });
});
