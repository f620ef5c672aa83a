import { join } from 'node:path';
import { DATA_DIR, loadChildSexualOffences, loadRecordableEquivalents } from '../adapters/register-settings';
import { isChildSexualEcrisOffence, isChildSexualUkOffence, offenceCategoryCode, recordableEquivalentOf, type RecordableEquivalents } from './tables';

describe('recordable equivalents', () => {
  // A table as an operator would configure it: one category with an equivalent, one without.
  const table: RecordableEquivalents = { byCategory: new Map([['0202 00', true], ['1604 00', false]]) };

  it.each([
    ['a category with a recordable E&W equivalent goes on the register', 'O-00-020200', 'YES'],
    ['a category whose E&W equivalent is not recordable is kept as received', 'O-00-160400', 'NO'],
    ['a category the table does not list is UNKNOWN, never guessed', 'O-00-090900', 'UNKNOWN'],
    ['the group open category is its own row, not inherited by sub-categories', 'O-00-020000', 'UNKNOWN'],
    ['a malformed reference is UNKNOWN', '0202 00', 'UNKNOWN'],
    ['no category at all is UNKNOWN', null, 'UNKNOWN'],
  ])('%s', (_name, ref, expected) => {
    expect(recordableEquivalentOf(table, ref)).toBe(expected);
  });

  it('maps the ECRIS reference to the Annex A code', () => {
    expect(offenceCategoryCode('O-00-090900')).toBe('0909 00');
    expect(offenceCategoryCode('S-00-001001')).toBeUndefined();
  });

  it('loads the shipped table: every row a valid category, the known serious groups recordable', () => {
    const shipped = loadRecordableEquivalents(join(DATA_DIR, 'recordable-equivalents.json'));
    expect(recordableEquivalentOf(shipped, 'O-00-020200')).toBe('YES');
    expect(recordableEquivalentOf(shipped, 'O-00-040100')).toBe('YES');
    // Seen in traffic but never read with a label: left for an operator to decide.
    expect(recordableEquivalentOf(shipped, 'O-00-160400')).toBe('UNKNOWN');
  });
});

describe('child sexual offences', () => {
  const table = loadChildSexualOffences(join(DATA_DIR, 'child-sexual-offences.json'));

  it.each([
    ['Sexual Offences Act 2003 s.9', true],
    ['Sexual Offences Act 2003 s 5', true],
    ['Sexual Offences Act 2003 s.1', false],
    ['Sexual Offences Act 2003 s.90', false],
    ['Protection of Children Act 1978 s.1(1)(a)', true],
    ['Criminal Justice Act 1988 s.160', true],
    ['Theft Act 1968 s.1', false],
  ])('UK statute "%s" -> %s', (statute, expected) => {
    expect(isChildSexualUkOffence(table, 'XX00000', statute)).toBe(expected);
  });

  it('flags no foreign category until the Annex A group is loaded', () => {
    expect(isChildSexualEcrisOffence(table, 'O-00-040500')).toBe(false);
    expect(isChildSexualEcrisOffence({ ...table, ecrisCategories: new Set(['0405 00']) }, 'O-00-040500')).toBe(true);
  });
});
