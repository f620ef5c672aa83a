/**
 * The simulators' settings, from the environment (every one optional). A run prints its seed and start
 * time; giving both back (ECRIS_SIM_SEED, ECRIS_SIM_START) reproduces its traffic record for record.
 *
 * ECRIS_SIM_SEED                    any text (default: random)
 * ECRIS_SIM_START                   ISO 8601 instant of the simulation's first moment (default: now)
 * ECRIS_SIM_RATE                    court convictions recorded per minute (30); the other streams keep pace
 * ECRIS_SIM_COURT_CONVICTIONS       convictions in the court day (120)
 * ECRIS_SIM_FOREIGN_NOTIFICATIONS   NOTs the member states send about UK nationals (40)
 * ECRIS_SIM_FOREIGN_REQUESTS        REQs the member states send about UK nationals (24)
 * ECRIS_SIM_AGENCY_REQUESTS         requests UK agencies submit to request-out (12)
 * ECRIS_SIM_MIX                     who the courts convict, relative weights: eu=40,uk-and-eu=15,two-eu=5,non-eu=10,uk=30
 * ECRIS_SIM_CLASSIFIED_SHARE        convictions whose offences notification-out can classify (0.85)
 * ECRIS_SIM_AMENDED_SHARE, ECRIS_SIM_REMOVED_SHARE                 court convictions varied / quashed later (0.1, 0.05)
 * ECRIS_SIM_FOREIGN_UPDATED_SHARE, ECRIS_SIM_FOREIGN_DELETED_SHARE  foreign NOTs updated / deleted later (0.2, 0.1)
 * ECRIS_SIM_REJECT_SHARE            our NOTs a state answers with FEM (0.05)
 * ECRIS_SIM_ADDITIONAL_INFO_SHARE   our NOTs a state answers with RAI (0.05)
 * ECRIS_SIM_CONVICTION_SHARE        people a state's register holds convictions of (0.5)
 * ECRIS_SIM_INVALID_SHARE           foreign NOTs and REQs deliberately invalid, answered by our FEM (0.05)
 * ECRIS_SIM_GARBAGE_SHARE           foreign NOTs and REQs sent as undecodable bytes, dead-lettered (0)
 */
import { randomBytes } from 'node:crypto';
import type { ReplyPolicy } from './gateway/replies';
import type { PersonKind } from './population';
import { DEFAULT_SCENARIO, type ScenarioSettings } from './scenario';

export interface SimulatorSettings {
  readonly scenario: ScenarioSettings;
  readonly replies: ReplyPolicy;
}

type Env = Readonly<Record<string, string | undefined>>;

function number(env: Env, name: string, fallback: number, check: (value: number) => boolean, rule: string): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name} must be ${rule}`);
  return value;
}

const share = (env: Env, name: string, fallback: number) => number(env, name, fallback, (v) => v >= 0 && v <= 1, 'a share from 0 to 1');
const count = (env: Env, name: string, fallback: number) => number(env, name, fallback, (v) => Number.isInteger(v) && v >= 0, 'a whole number >= 0');

const KINDS: readonly PersonKind[] = ['eu', 'uk-and-eu', 'two-eu', 'non-eu', 'uk'];

export function parseMix(text: string): Record<PersonKind, number> {
  const mix: Record<PersonKind, number> = { eu: 0, 'uk-and-eu': 0, 'two-eu': 0, 'non-eu': 0, uk: 0 };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, weight] = part.split('=').map((p) => p.trim());
    if (!KINDS.includes(kind as PersonKind) || !/^\d+(\.\d+)?$/.test(weight ?? '')) {
      throw new Error(`ECRIS_SIM_MIX: "${part}" is not <kind>=<weight> with kind one of ${KINDS.join(', ')}`);
    }
    mix[kind as PersonKind] = Number(weight);
  }
  if (Object.values(mix).every((weight) => weight === 0)) throw new Error('ECRIS_SIM_MIX gives every kind of person weight 0');
  return mix;
}

export function simulatorSettingsFromEnv(env: Env, now: Date = new Date()): SimulatorSettings {
  const seed = env.ECRIS_SIM_SEED?.trim() || randomBytes(4).toString('hex');
  const startText = env.ECRIS_SIM_START?.trim();
  const start = startText ? new Date(startText) : now;
  if (Number.isNaN(start.getTime())) throw new Error('ECRIS_SIM_START must be an ISO 8601 instant');
  const d = DEFAULT_SCENARIO;
  const scenario: ScenarioSettings = {
    seed,
    start,
    courtEventsPerMinute: number(env, 'ECRIS_SIM_RATE', d.courtEventsPerMinute, (v) => v > 0 && v <= 6000, 'a number of convictions per minute, above 0'),
    courtConvictions: count(env, 'ECRIS_SIM_COURT_CONVICTIONS', d.courtConvictions),
    foreignNotifications: count(env, 'ECRIS_SIM_FOREIGN_NOTIFICATIONS', d.foreignNotifications),
    foreignRequests: count(env, 'ECRIS_SIM_FOREIGN_REQUESTS', d.foreignRequests),
    agencyRequests: count(env, 'ECRIS_SIM_AGENCY_REQUESTS', d.agencyRequests),
    mix: env.ECRIS_SIM_MIX?.trim() ? parseMix(env.ECRIS_SIM_MIX) : d.mix,
    classifiedShare: share(env, 'ECRIS_SIM_CLASSIFIED_SHARE', d.classifiedShare),
    amendedShare: share(env, 'ECRIS_SIM_AMENDED_SHARE', d.amendedShare),
    removedShare: share(env, 'ECRIS_SIM_REMOVED_SHARE', d.removedShare),
    foreignUpdatedShare: share(env, 'ECRIS_SIM_FOREIGN_UPDATED_SHARE', d.foreignUpdatedShare),
    foreignDeletedShare: share(env, 'ECRIS_SIM_FOREIGN_DELETED_SHARE', d.foreignDeletedShare),
    invalidShare: share(env, 'ECRIS_SIM_INVALID_SHARE', d.invalidShare),
    garbageShare: share(env, 'ECRIS_SIM_GARBAGE_SHARE', d.garbageShare),
  };
  const replies: ReplyPolicy = {
    seed,
    rejectShare: share(env, 'ECRIS_SIM_REJECT_SHARE', 0.05),
    additionalInfoShare: share(env, 'ECRIS_SIM_ADDITIONAL_INFO_SHARE', 0.05),
    convictionShare: share(env, 'ECRIS_SIM_CONVICTION_SHARE', 0.5),
  };
  for (const [a, b, names] of [
    [scenario.amendedShare, scenario.removedShare, 'ECRIS_SIM_AMENDED_SHARE + ECRIS_SIM_REMOVED_SHARE'],
    [scenario.foreignUpdatedShare, scenario.foreignDeletedShare, 'ECRIS_SIM_FOREIGN_UPDATED_SHARE + ECRIS_SIM_FOREIGN_DELETED_SHARE'],
    [replies.rejectShare, replies.additionalInfoShare, 'ECRIS_SIM_REJECT_SHARE + ECRIS_SIM_ADDITIONAL_INFO_SHARE'],
  ] as const) {
    if (a + b > 1) throw new Error(`${names} must not exceed 1`);
  }
  return { scenario, replies };
}
