import { parseMix, simulatorSettingsFromEnv } from './simulator-settings';

describe('simulator settings', () => {
  const now = new Date('2026-03-04T09:00:00Z');

  it('has defaults for everything, with a random seed and now as the start', () => {
    const { scenario, replies } = simulatorSettingsFromEnv({}, now);
    expect(scenario).toMatchObject({ courtEventsPerMinute: 30, courtConvictions: 120, invalidShare: 0.05, garbageShare: 0, start: now });
    expect(scenario.seed).toMatch(/^[0-9a-f]{8}$/);
    expect(replies).toEqual({ seed: scenario.seed, rejectShare: 0.05, additionalInfoShare: 0.05, convictionShare: 0.5 });
    expect(simulatorSettingsFromEnv({}, now).scenario.seed).not.toBe(scenario.seed);
  });

  it('takes seed, start, rate, counts and shares from the environment', () => {
    const { scenario, replies } = simulatorSettingsFromEnv(
      {
        ECRIS_SIM_SEED: 'demo',
        ECRIS_SIM_START: '2026-01-02T03:04:05Z',
        ECRIS_SIM_RATE: '120',
        ECRIS_SIM_AGENCY_REQUESTS: '0',
        ECRIS_SIM_REJECT_SHARE: '0.5',
        ECRIS_SIM_MIX: 'uk=1, eu=3',
      },
      now,
    );
    expect(scenario).toMatchObject({ seed: 'demo', start: new Date('2026-01-02T03:04:05Z'), courtEventsPerMinute: 120, agencyRequests: 0 });
    expect(scenario.mix).toEqual({ eu: 3, 'uk-and-eu': 0, 'two-eu': 0, 'non-eu': 0, uk: 1 });
    expect(replies).toMatchObject({ seed: 'demo', rejectShare: 0.5 });
  });

  it.each([
    [{ ECRIS_SIM_RATE: '0' }, /ECRIS_SIM_RATE/],
    [{ ECRIS_SIM_COURT_CONVICTIONS: '2.5' }, /whole number/],
    [{ ECRIS_SIM_INVALID_SHARE: '1.5' }, /share from 0 to 1/],
    [{ ECRIS_SIM_START: 'yesterday' }, /ISO 8601/],
    [{ ECRIS_SIM_REJECT_SHARE: '0.6', ECRIS_SIM_ADDITIONAL_INFO_SHARE: '0.6' }, /must not exceed 1/],
    [{ ECRIS_SIM_MIX: 'martians=3' }, /ECRIS_SIM_MIX/],
  ])('refuses %j', (env, message) => {
    expect(() => simulatorSettingsFromEnv(env, now)).toThrow(message);
  });

  it('refuses a mix with nobody in it', () => {
    expect(() => parseMix('uk=0')).toThrow(/weight 0/);
  });
});
