import { uniqueSerials } from './serials';

describe('uniqueSerials', () => {
  it('gives 15-digit serials that never repeat, within a generator or across generators made at once', () => {
    const generators = [uniqueSerials(), uniqueSerials(), uniqueSerials()];
    const serials = generators.flatMap((next) => Array.from({ length: 300 }, () => next()));
    expect(serials.every((serial) => /^[0-9]{15}$/.test(serial))).toBe(true);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('refuses to go past what it can give without repeating', () => {
    const next = uniqueSerials();
    for (let i = 0; i < 999; i += 1) next();
    expect(() => next()).toThrow(/at most 999/);
  });
});
