/**
 * What a simulated UK agency (a police force) asks request-out's HTTP API for: previous convictions of EU
 * nationals it is prosecuting, some of them people the court feed convicted today. The body is the one
 * POST /v1/requests takes (services/request-out/README.md); the agency comes from the API key.
 */
import type { RecordedConviction } from '../court-feed/court-day';
import { EU_STATES, euNational, type SimPerson } from '../population';
import { randomFor } from '../random';

export interface AgencySubmission {
  readonly atMs: number;
  /** Sent as `Idempotency-Key`: a retried submission is the same request, not a second one. */
  readonly idempotencyKey: string;
  readonly body: AgencyRequestBody;
}

export interface AgencyRequestBody {
  readonly officerId: string;
  readonly purposeCategoryRef: string;
  readonly purpose: string;
  readonly caseReference: string;
  readonly person: {
    readonly forenames: readonly string[];
    readonly surname: string;
    readonly sex: string;
    readonly dateOfBirth: { readonly year: number; readonly month: number; readonly day: number };
    readonly placeOfBirthTown: string;
    readonly placeOfBirthCountry: string;
    readonly nationalities: readonly string[];
  };
  readonly urgency: 'NORMAL' | 'HIGH';
  readonly consent: 'UNKNOWN';
}

export interface AgencyRequestOptions {
  readonly seed: string;
  readonly start: Date;
  readonly requests: number;
  readonly spacingMs: number;
  readonly firstAtMs: number;
  /** Share asked about someone the court feed convicted (an EU national) when one was convicted already. */
  readonly knownPersonShare: number;
}

const UNKNOWN_PERSON_BASE = 200_000;

export function agencyRequests(options: AgencyRequestOptions, convicted: readonly RecordedConviction[]): AgencySubmission[] {
  const euConvicted = convicted.filter((c) => c.person.nationalities.some((code) => EU_STATES.includes(code)));
  return Array.from({ length: options.requests }, (_, index) => {
    const random = randomFor(options.seed, 'agency', index);
    const atMs = options.firstAtMs + index * options.spacingMs;
    const earlier = euConvicted.filter((c) => c.atMs < atMs);
    const person: SimPerson =
      earlier.length > 0 && random.chance(options.knownPersonShare)
        ? random.pick(earlier).person
        : euNational(options.seed, random.pick(EU_STATES), UNKNOWN_PERSON_BASE + index);
    return {
      atMs,
      idempotencyKey: `simulation-${options.seed}-agency-${index}`,
      body: {
        officerId: `GMP-OFFICER-${String(random.int(1, 250)).padStart(4, '0')}`,
        purposeCategoryRef: 'P-00-001000',
        purpose: 'Criminal proceedings',
        caseReference: `GMP-${options.start.getUTCFullYear()}-${String(index + 1).padStart(4, '0')}`,
        person: {
          forenames: person.forenames,
          surname: person.secondSurname ? `${person.surname} ${person.secondSurname}` : person.surname,
          sex: person.sex,
          dateOfBirth: person.birthDate,
          placeOfBirthTown: person.birthTown,
          placeOfBirthCountry: person.birthCountry,
          nationalities: person.nationalities,
        },
        urgency: random.chance(0.2) ? 'HIGH' : 'NORMAL',
        consent: 'UNKNOWN',
      },
    };
  });
}
