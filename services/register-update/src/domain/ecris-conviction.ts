/**
 * The ECRIS conviction as the convicting state sent it, rebuilt from translation's English rendering
 * (which keeps every original beside its translation): codes back to their references, texts with the
 * originals first and the English renderings marked `translated`. This is what the register keeps as
 * "received", so a later answer (request-in) can pass the conviction on in ECRIS form (FD Art. 7).
 */
import type { Conviction, EnglishConviction, EnglishOffence, EnglishSanction, TextRepresentation } from '@ecris/contracts';

export function ecrisConvictionOf(english: EnglishConviction): Conviction {
  return {
    convictionId: english.convictionId,
    convictingCountryRef: english.convictingCountry.ref,
    fileNumber: english.fileNumber,
    decisionDate: english.decisionDate,
    decisionFinalDate: english.decisionFinalDate,
    decidingAuthority: english.decidingAuthority,
    nonCriminalRuling: english.nonCriminalRuling,
    retentionPeriodEndDate: english.retentionPeriodEndDate,
    isTransmittable: english.isTransmittable,
    remarks: english.remarks,
    decisions: english.decisions.map(({ changeTypes, ...decision }) => ({ ...decision, changeTypeRefs: changeTypes.map((type) => type.ref) })),
    offences: english.offences.map(offenceOf),
    sanctions: english.sanctions.map(sanctionOf),
    decisionToOffences: english.decisionToOffences,
    decisionToSanctions: english.decisionToSanctions,
    sanctionToOffences: english.sanctionToOffences,
    sanctionToSanctions: english.sanctionToSanctions,
  };
}

function offenceOf(offence: EnglishOffence): Conviction['offences'][number] {
  const { category, applicableLegalProvisions, levelOfCompletion, levelOfParticipation, ...rest } = offence;
  return {
    ...rest,
    commonCategoryRef: category.ref,
    // A plain string in ECRIS: the sender's own text, not our translation of it.
    applicableLegalProvisions: originalOf(applicableLegalProvisions) ?? '',
    levelOfCompletionRef: levelOfCompletion?.ref ?? null,
    levelOfParticipationRef: levelOfParticipation?.ref ?? null,
  };
}

function sanctionOf(sanction: EnglishSanction): Conviction['sanctions'][number] {
  const { nature, category, alternativeType, currencyOfFine, ...rest } = sanction;
  return {
    ...rest,
    natureRef: nature.ref,
    commonCategoryRef: category.ref,
    alternativeTypeRef: alternativeType?.ref ?? null,
    currencyOfFineRef: currencyOfFine?.ref ?? null,
  };
}

/** The first representation that is not a translation. */
export function originalOf(texts: readonly TextRepresentation[]): string | undefined {
  return (texts.find((text) => text.translated !== true) ?? texts[0])?.text;
}
