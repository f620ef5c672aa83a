import type { HeldConviction, HeldOffence, HeldSanction } from '../domain/held-conviction';

/** Test data: a held conviction with sensible defaults; override what a case is about. */
export function heldConviction(overrides: Partial<HeldConviction> & { convictionId: string }): HeldConviction {
  return {
    origin: 'UK',
    convictingState: 'GB',
    ecrisConvictionId: null,
    courtReference: `COURT-${overrides.convictionId}`,
    isTransmittable: 'Yes',
    nonCriminalRuling: 'No',
    deleted: false,
    convictionDate: '2024-01-10',
    finalDate: '2024-01-10',
    decidingAuthority: 'Manchester Crown Court',
    fileNumber: null,
    offences: [offence()],
    sanctions: [sanction({ kind: 'FINE' })],
    received: null,
    ...overrides,
  };
}

export function offence(overrides: Partial<HeldOffence> = {}): HeldOffence {
  return {
    offenceId: '1',
    ecrisCategoryRef: 'O-00-030100',
    title: 'Theft',
    legalProvisions: 'Theft Act 1968 s.1',
    committedFrom: null,
    committedTo: null,
    childSexualOffence: false,
    ...overrides,
  };
}

export function sanction(overrides: Partial<HeldSanction> & Pick<HeldSanction, 'kind'>): HeldSanction {
  return {
    sanctionId: '1',
    title: 'Sentence',
    duration: null,
    suspendedFor: null,
    startDate: null,
    endDate: null,
    fineAmount: null,
    fineCurrency: null,
    ...overrides,
  };
}
