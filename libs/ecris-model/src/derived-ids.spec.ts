import { derivedMessageId, derivedSerial, ukConvictionId } from './derived-ids';
import { parseMessageId } from './validation/formats';

describe('derived ECRIS ids', () => {
  it('gives the same id for the same cause and step, and a different one for another step or cause', () => {
    const id = derivedMessageId('GB', 'FR', 'NOT', 'court-event-1', 'not/FR');
    expect(derivedMessageId('GB', 'FR', 'NOT', 'court-event-1', 'not/FR')).toBe(id);
    expect(derivedMessageId('GB', 'FR', 'NOT', 'court-event-1', 'not/IE')).not.toBe(id);
    expect(derivedMessageId('GB', 'FR', 'NOT', 'court-event-2', 'not/FR')).not.toBe(id);
    expect(parseMessageId(id)).toMatchObject({ sender: 'GB', receiver: 'FR', type: 'NOT' });
  });

  it('keeps serials within 15 digits', () => {
    for (let i = 0; i < 1000; i++) expect(derivedSerial(`cause-${i}`, 'step')).toBeLessThan(10n ** 15n);
  });

  it('names a UK conviction the same way for ever', () => {
    expect(ukConvictionId('GB', 'T20260001')).toMatch(/^GB-C-\d{15}$/);
    expect(ukConvictionId('GB', 'T20260001')).toBe(ukConvictionId('GB', 'T20260001'));
    expect(ukConvictionId('GB', 'T20260001')).not.toBe(ukConvictionId('GB', 'T20260002'));
  });
});
