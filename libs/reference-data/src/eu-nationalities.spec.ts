import { loadReferenceData } from './file-loader';
import { euStatesToNotify } from './eu-nationalities';

const REFERENCE = loadReferenceData();

describe('euStatesToNotify (R4, R5: every EU state of nationality, dual UK nationals included)', () => {
  it.each([
    [['FR'], ['FR']],
    [['FR', 'IE'], ['FR', 'IE']],
    [['IE', 'FR'], ['FR', 'IE']],
    [['GB', 'FR'], ['FR']],
    [['FR', 'FR'], ['FR']],
    [['US'], []],
    [['GB'], []],
    [['US', 'DE'], ['DE']],
    [['EL'], ['GR']],
    [['GR'], ['GR']],
    [['fr'], ['FR']],
    [['XX'], []],
  ])('%j -> %j', (nationalities, expected) => {
    expect(euStatesToNotify(nationalities, REFERENCE, '2025-03-04')).toEqual(expected);
  });
});
