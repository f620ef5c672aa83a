import { derivedMessageId, ecrisConvictionIdOf, serialOf } from './ids';

describe('derived ECRIS ids', () => {
  it('gives GB-<state>-NOT-<15 digits>, the same for the same cause and step', () => {
    const id = derivedMessageId('GB', 'FR', 'NOT', 'evt-1', 'not/FR');
    expect(id).toMatch(/^GB-FR-NOT-[0-9]{15}$/);
    expect(derivedMessageId('GB', 'FR', 'NOT', 'evt-1', 'not/FR')).toBe(id);
  });

  it('differs per state, per cause and per step', () => {
    const ids = [
      derivedMessageId('GB', 'FR', 'NOT', 'evt-1', 'not/FR'),
      derivedMessageId('GB', 'IE', 'NOT', 'evt-1', 'not/IE'),
      derivedMessageId('GB', 'FR', 'NOT', 'evt-2', 'not/FR'),
      derivedMessageId('GB', 'FR', 'NOT', 'evt-1', 'resend/x'),
    ];
    expect(new Set(ids.map((id) => id.slice(-15))).size).toBe(4);
  });

  it('keeps the serial within 15 digits', () => {
    for (let i = 0; i < 200; i++) expect(serialOf(`seed-${i}`)).toBeLessThan(10n ** 15n);
  });

  it('gives one GB-C- conviction id per court record', () => {
    expect(ecrisConvictionIdOf('GB', 'T20250001')).toMatch(/^GB-C-[0-9]{15}$/);
    expect(ecrisConvictionIdOf('GB', 'T20250001')).toBe(ecrisConvictionIdOf('GB', 'T20250001'));
    expect(ecrisConvictionIdOf('GB', 'T20250002')).not.toBe(ecrisConvictionIdOf('GB', 'T20250001'));
  });
});
