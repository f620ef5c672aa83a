import { formatMessageId, offenceCategoryCodeOf, offenceCategoryRefOf, parseMessageId } from './formats';
import { FUNCTIONAL_ERRORS, isLocalFunctionalErrorCode } from './functional-errors';

describe('ECRIS message ids', () => {
  it('takes an id apart and builds it back', () => {
    expect(parseMessageId('GB-FR-NOT-000000000000042')).toEqual({ sender: 'GB', receiver: 'FR', type: 'NOT', serial: '000000000000042' });
    expect(formatMessageId({ sender: 'GB', receiver: 'FR', type: 'NOT', serial: 42 })).toBe('GB-FR-NOT-000000000000042');
  });

  it('refuses what is not an ECRIS id', () => {
    expect(parseMessageId('UK-FR-NOT-42')).toBeUndefined();
    expect(parseMessageId('GB-FR-XXX-000000000000042')).toBeUndefined();
    expect(() => formatMessageId({ sender: 'GB', receiver: 'FR', type: 'NOT', serial: 10n ** 15n })).toThrow('at most 15 digits');
    expect(() => formatMessageId({ sender: 'GBR', receiver: 'FR', type: 'NOT', serial: 1 })).toThrow('two-letter');
  });
});

describe('offence categories', () => {
  it('maps the ECRIS reference to the Annex A code NNNN NN and back', () => {
    expect(offenceCategoryCodeOf('O-00-090900')).toBe('0909 00');
    expect(offenceCategoryRefOf('0909 00')).toBe('O-00-090900');
    expect(offenceCategoryCodeOf('0909 00')).toBeUndefined();
    expect(offenceCategoryRefOf('090900')).toBeUndefined();
  });
});

describe('functional error codes', () => {
  it('are distinct FE-NNNNN codes, all marked local', () => {
    const codes = Object.values(FUNCTIONAL_ERRORS).map((error) => error.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^FE-9[0-9]{4}$/);
      expect(isLocalFunctionalErrorCode(code)).toBe(true);
    }
    expect(isLocalFunctionalErrorCode('FE-00001')).toBe(false);
  });
});
