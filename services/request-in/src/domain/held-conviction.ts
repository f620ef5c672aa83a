import type { Conviction, YesNoUnknown } from '@ecris/contracts';

/**
 * What request-in needs to know about a conviction held on the register: the fields the disclosure
 * rules read (ecris.md R7, R19, R20, R22, R23) and what the answer is compiled from. The register's
 * `RegisterConviction` has this shape (plus more); `received` is added by the register adapter.
 */
export interface HeldConviction {
  readonly convictionId: string;
  readonly origin: 'UK' | 'FOREIGN';
  /** ISO alpha-2; GB for UK convictions. */
  readonly convictingState: string;
  readonly ecrisConvictionId: string | null;
  readonly courtReference: string | null;
  readonly isTransmittable: YesNoUnknown;
  readonly nonCriminalRuling: YesNoUnknown;
  readonly deleted: boolean;
  readonly convictionDate: string;
  readonly finalDate: string | null;
  readonly decidingAuthority: string;
  readonly fileNumber: string | null;
  readonly offences: readonly HeldOffence[];
  readonly sanctions: readonly HeldSanction[];
  /** A foreign conviction exactly as the convicting state last sent it (R7: only the updated version goes on). */
  readonly received: Conviction | null;
}

export interface HeldOffence {
  readonly offenceId: string;
  readonly ecrisCategoryRef: string | null;
  readonly title: string;
  readonly legalProvisions: string;
  readonly committedFrom: PartialBirthDate | null;
  readonly committedTo: PartialBirthDate | null;
  readonly childSexualOffence: boolean;
}

export type SanctionKind = 'CUSTODY' | 'SUSPENDED_CUSTODY' | 'COMMUNITY' | 'FINE' | 'DISCHARGE' | 'OTHER';

export interface HeldSanction {
  readonly sanctionId: string;
  readonly kind: SanctionKind;
  readonly title: string;
  /** ISO 8601 duration of the period imposed. */
  readonly duration: string | null;
  /** Operational period of a suspended sentence. */
  readonly suspendedFor: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly fineAmount: string | null;
  readonly fineCurrency: string | null;
}

/** ECRIS partial date (year, optional month and day). */
export interface PartialBirthDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}
