import { annexBCode, foreignSanctionKind, ukSanctionKind } from './sanction-kind';

describe('sanction kinds', () => {
  it.each([
    [{ categoryRef: 'S-00-001001', suspended: false, hasFineAmount: false }, 'CUSTODY'],
    [{ categoryRef: 'S-00-001001', suspended: true, hasFineAmount: false }, 'SUSPENDED_CUSTODY'],
    [{ categoryRef: 'S-00-008001', suspended: false, hasFineAmount: true }, 'FINE'],
    [{ categoryRef: 'S-00-005000', suspended: false, hasFineAmount: true }, 'FINE'],
    [{ categoryRef: 'S-00-005000', suspended: false, hasFineAmount: false }, 'OTHER'],
  ] as const)('foreign %j -> %s', (sanction, kind) => {
    expect(foreignSanctionKind(sanction)).toBe(kind);
  });

  it.each([
    [{ description: 'Imprisonment 3 years', suspendedFor: null, fineAmount: null }, 'CUSTODY'],
    [{ description: 'Imprisonment 18 months', suspendedFor: 'P2Y', fineAmount: null }, 'SUSPENDED_CUSTODY'],
    [{ description: 'Community order with unpaid work', suspendedFor: null, fineAmount: null }, 'COMMUNITY'],
    [{ description: 'Conditional discharge 12 months', suspendedFor: null, fineAmount: null }, 'DISCHARGE'],
    [{ description: 'Fine', suspendedFor: null, fineAmount: '250.00' }, 'FINE'],
    [{ description: 'Disqualified from driving', suspendedFor: null, fineAmount: null }, 'OTHER'],
  ] as const)('UK %j -> %s', (sentence, kind) => {
    expect(ukSanctionKind(sentence)).toBe(kind);
  });

  it('reads the Annex B code from its reference', () => {
    expect(annexBCode('S-00-001001')).toBe('1001');
    expect(annexBCode('S-00-010000')).toBe('10000');
    expect(annexBCode('N-00-0')).toBeUndefined();
  });
});
