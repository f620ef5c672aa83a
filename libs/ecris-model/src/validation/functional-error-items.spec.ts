import { failuresOf, goldenFixture } from '../testing/fixtures';
import { functionalErrorItems } from './functional-error-items';
import { validateMessage } from './validate-message';

describe('functionalErrorItems', () => {
  it('gives a FEM error per failure that itself passes FEM validation', () => {
    const failures = failuresOf('NOT', (m) => {
      m.conviction.offences[1].commonCategoryRef = '0400 00';
      m.person.nationalityRefs = [];
    });
    const errors = functionalErrorItems(failures);
    expect(errors).toEqual([
      {
        code: 'FE-90001',
        additionalInformation: [{ lang: 'en', translated: null, text: 'person.nationalityRefs: needs at least one entry' }],
      },
      {
        code: 'FE-90003',
        additionalInformation: [
          { lang: 'en', translated: null, text: 'conviction.offences[1].commonCategoryRef: must be an offence category reference O-nn-nnnnnn' },
        ],
      },
    ]);
    const fem = { ...goldenFixture('FEM'), errors };
    expect(validateMessage('FEM', fem)).toEqual([]);
  });
});
