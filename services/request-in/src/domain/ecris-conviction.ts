import type { Conviction, Offence } from '@ecris/contracts';
import type { HeldConviction, HeldOffence, HeldSanction } from './held-conviction';
import { english } from './messages';
import type { UkConvictionIdOf } from './settings';

export interface ConvictionRendering {
  readonly countryRefOf: (iso2: string) => string | undefined;
  readonly ukConvictionIdOf: UkConvictionIdOf;
}

/**
 * A held conviction as an ECRIS Conviction for an RRS.
 *
 * A foreign conviction goes on exactly as the convicting state last sent it (R7, R23: its content and
 * limits are theirs). Others are built from the register: offences with an Annex A category become
 * structured offences; offences without one, and all sanctions (the register keeps no Annex B nature
 * for UK sentences), are described in the conviction's remarks rather than left out or coded by guess.
 */
export function toEcrisConviction(held: HeldConviction, rendering: ConvictionRendering): Conviction {
  if (held.origin === 'FOREIGN' && held.received) return held.received;

  const convictionId = held.ecrisConvictionId ?? rendering.ukConvictionIdOf(held.courtReference ?? held.convictionId);
  const countryRef = rendering.countryRefOf(held.convictingState);
  if (!countryRef) throw new RangeError(`no ECRIS country reference for convicting state ${held.convictingState}`);
  const categorised = held.offences.filter((offence) => offence.ecrisCategoryRef !== null);
  const described = [
    ...held.offences.filter((offence) => offence.ecrisCategoryRef === null).map(describeOffence),
    ...held.sanctions.map(describeSanction),
  ];

  return {
    convictionId,
    convictingCountryRef: countryRef,
    fileNumber: (held.fileNumber ?? held.courtReference ?? held.convictionId).slice(0, 50),
    decisionDate: held.convictionDate,
    decisionFinalDate: held.finalDate ?? held.convictionDate,
    decidingAuthority: { code: null, name: english(held.decidingAuthority, 400) },
    nonCriminalRuling: held.nonCriminalRuling,
    retentionPeriodEndDate: null,
    isTransmittable: held.isTransmittable,
    remarks: described.length > 0 ? english(described.join('\n')) : [],
    decisions: [
      {
        decisionId: 'D-00001',
        changeTypeRefs: [],
        decisionDate: held.convictionDate,
        finalDate: held.finalDate ?? held.convictionDate,
        decidingAuthority: null,
        deleteConvictionFromRegister: 'No',
        remarks: [],
      },
    ],
    offences: categorised.map((offence, index) => toEcrisOffence(offence, index)),
    sanctions: [],
    decisionToOffences: [],
    decisionToSanctions: [],
    sanctionToOffences: [],
    sanctionToSanctions: [],
  };
}

function toEcrisOffence(offence: HeldOffence, index: number): Offence {
  return {
    offenceId: `O-${String(index + 1).padStart(5, '0')}`,
    commonCategoryRef: offence.ecrisCategoryRef!,
    applicableLegalProvisions: offence.legalProvisions.slice(0, 400),
    nationalCategoryCode: null,
    nationalTitle: english(offence.title, 400),
    remarks: [],
    startDate: offence.committedFrom,
    endDate: offence.committedTo,
    place: null,
    numberOfOccurrences: null,
    isContinuous: 'UNKNOWN',
    levelOfCompletionRef: null,
    levelOfParticipationRef: null,
    responsibilityExemption: 'UNKNOWN',
    recidivism: 'UNKNOWN',
  };
}

function describeOffence(offence: HeldOffence): string {
  return `Offence (no Annex A category): ${offence.title}; ${offence.legalProvisions}`;
}

function describeSanction(sanction: HeldSanction): string {
  const parts = [`Sentence: ${sanction.title}`];
  if (sanction.duration) parts.push(`duration ${sanction.duration}`);
  if (sanction.suspendedFor) parts.push(`suspended for ${sanction.suspendedFor}`);
  if (sanction.startDate) parts.push(`from ${sanction.startDate}`);
  if (sanction.endDate) parts.push(`until ${sanction.endDate}`);
  if (sanction.fineAmount) parts.push(`fine ${sanction.fineAmount} ${sanction.fineCurrency ?? ''}`.trim());
  return parts.join(', ');
}
