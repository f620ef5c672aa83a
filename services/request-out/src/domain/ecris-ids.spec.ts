import { parseMessageId } from '@ecris/ecris-model';
import { ecrisMessageId, requestMessageIdOf, serialOf } from './ecris-ids';

describe('ECRIS ids we derive', () => {
  it('gives the same REQ id for the same agency request and state, and another for another state or request', () => {
    const it1 = requestMessageIdOf('GB', 'IT', 'AR-1');
    expect(requestMessageIdOf('GB', 'IT', 'AR-1')).toBe(it1);
    expect(requestMessageIdOf('GB', 'RO', 'AR-1')).not.toBe(it1);
    expect(requestMessageIdOf('GB', 'IT', 'AR-2')).not.toBe(it1);
  });

  it('is a valid ECRIS message id naming sender, receiver and type', () => {
    const id = ecrisMessageId('GB', 'FR', 'RAR', 'FR-GB-RAI-000000000000005');
    expect(parseMessageId(id)).toMatchObject({ sender: 'GB', receiver: 'FR', type: 'RAR' });
    expect(id).toMatch(/^GB-FR-RAR-[0-9]{15}$/);
  });

  it('keeps serials within 15 digits', () => {
    for (const seed of ['a', 'b', 'AR-2025-000001', 'x'.repeat(1000)]) {
      const serial = serialOf(seed);
      expect(serial >= 0n && serial < 10n ** 15n).toBe(true);
    }
  });
});
