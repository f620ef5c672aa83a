/**
 * The whole simulated day in one timeline: the court feed, what the member states start on their own,
 * and the agencies' requests, interleaved so that a short run already shows every kind of exchange.
 * Pure: built up front from the settings, then played by the player at wall-clock time.
 */
import { agencyRequests, type AgencySubmission } from './agency/agency-requests';
import { courtDay, DEFAULT_MIX } from './court-feed/court-day';
import { foreignTraffic } from './gateway/foreign-traffic';
import type { PersonKind } from './population';
import { byTime, type ScheduledMessage } from './schedule';

export interface ScenarioSettings {
  readonly seed: string;
  /** Wall-clock time of the simulation's first moment: event times are this plus their offset. */
  readonly start: Date;
  /** Court convictions recorded per minute; the other streams keep their proportion to it. */
  readonly courtEventsPerMinute: number;
  readonly courtConvictions: number;
  readonly foreignNotifications: number;
  readonly foreignRequests: number;
  readonly agencyRequests: number;
  readonly mix: Readonly<Record<PersonKind, number>>;
  readonly classifiedShare: number;
  readonly amendedShare: number;
  readonly removedShare: number;
  readonly foreignUpdatedShare: number;
  readonly foreignDeletedShare: number;
  readonly invalidShare: number;
  readonly garbageShare: number;
}

export const DEFAULT_SCENARIO: Omit<ScenarioSettings, 'seed' | 'start'> = {
  courtEventsPerMinute: 30,
  courtConvictions: 120,
  foreignNotifications: 40,
  foreignRequests: 24,
  agencyRequests: 12,
  mix: DEFAULT_MIX,
  classifiedShare: 0.85,
  amendedShare: 0.1,
  removedShare: 0.05,
  foreignUpdatedShare: 0.2,
  foreignDeletedShare: 0.1,
  invalidShare: 0.05,
  garbageShare: 0,
};

export interface Scenario {
  /** Records for the broker, in time order. */
  readonly messages: ScheduledMessage[];
  /** Requests for request-out's HTTP API, in time order. */
  readonly submissions: AgencySubmission[];
  /** When the last court conviction is recorded. */
  readonly spanMs: number;
}

/** Another state hears of a conviction here no sooner than this: the register needs a moment to hold it. */
const KNOWN_PERSON_LAG_MS = 8_000;

export function buildScenario(settings: ScenarioSettings): Scenario {
  const spacingMs = 60_000 / settings.courtEventsPerMinute;
  const spanMs = Math.max(1, settings.courtConvictions) * spacingMs;
  const every = (count: number) => spanMs / Math.max(1, count);
  const court = courtDay({
    seed: settings.seed,
    start: settings.start,
    convictions: settings.courtConvictions,
    spacingMs,
    firstAtMs: 500,
    mix: settings.mix,
    classifiedShare: settings.classifiedShare,
    amendedShare: settings.amendedShare,
    removedShare: settings.removedShare,
  });
  const foreign = foreignTraffic(
    {
      seed: settings.seed,
      start: settings.start,
      notifications: settings.foreignNotifications,
      requests: settings.foreignRequests,
      notificationSpacingMs: every(settings.foreignNotifications),
      requestSpacingMs: every(settings.foreignRequests),
      firstNotificationAtMs: 1_000,
      firstRequestAtMs: 2_000,
      updatedShare: settings.foreignUpdatedShare,
      deletedShare: settings.foreignDeletedShare,
      knownPersonShare: 0.5,
      invalidShare: settings.invalidShare,
      garbageShare: settings.garbageShare,
      knownPersonLagMs: KNOWN_PERSON_LAG_MS,
    },
    court.convictions,
  );
  const submissions = agencyRequests(
    {
      seed: settings.seed,
      start: settings.start,
      requests: settings.agencyRequests,
      spacingMs: every(settings.agencyRequests),
      firstAtMs: 1_500,
      knownPersonShare: 0.3,
    },
    court.convictions,
  );
  return { messages: byTime([...court.events, ...foreign]), submissions: byTime(submissions), spanMs };
}
