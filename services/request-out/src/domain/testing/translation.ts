/**
 * Stands in for the translation service in tests: the English rendering of a TranslationRequested as
 * its README describes it (each free text keeps its originals and gains one English representation;
 * codes become CodedValues). The English is a marker, "EN(<original>)", so a test can see it arrived.
 */
import type { CodedValue, EnglishConviction, TextRepresentation, TextTranslated, TranslationRequested } from '@ecris/contracts';

const coded = (ref: string): CodedValue => ({ ref, known: true, label: null, labelIsOfficial: false });

const english = (texts: TextRepresentation[]): TextRepresentation[] =>
  texts.length === 0 || texts.some((t) => t.lang === 'en') ? texts : [...texts, { lang: 'en', translated: true, text: `EN(${texts[0]!.text})` }];

export function englishRenderingOf(request: Omit<TranslationRequested, 'meta'>): Omit<TextTranslated, 'meta'> {
  const convictions: EnglishConviction[] = request.convictions.map((c) => ({
    convictionId: c.convictionId,
    convictingCountry: coded(c.convictingCountryRef),
    convictingState: null,
    fileNumber: c.fileNumber,
    decisionDate: c.decisionDate,
    decisionFinalDate: c.decisionFinalDate,
    decidingAuthority: { ...c.decidingAuthority, name: english(c.decidingAuthority.name) },
    nonCriminalRuling: c.nonCriminalRuling,
    retentionPeriodEndDate: c.retentionPeriodEndDate,
    isTransmittable: c.isTransmittable,
    deleteFromRegister: 'No',
    remarks: english(c.remarks),
    decisions: c.decisions.map((d) => ({
      decisionId: d.decisionId,
      changeTypes: d.changeTypeRefs.map(coded),
      decisionDate: d.decisionDate,
      finalDate: d.finalDate,
      decidingAuthority: d.decidingAuthority ? { ...d.decidingAuthority, name: english(d.decidingAuthority.name) } : null,
      deleteConvictionFromRegister: d.deleteConvictionFromRegister,
      remarks: english(d.remarks),
    })),
    offences: c.offences.map((o) => ({
      offenceId: o.offenceId,
      category: coded(o.commonCategoryRef),
      applicableLegalProvisions: english([{ lang: null, translated: false, text: o.applicableLegalProvisions }]),
      nationalCategoryCode: o.nationalCategoryCode,
      nationalTitle: english(o.nationalTitle),
      remarks: english(o.remarks),
      startDate: o.startDate,
      endDate: o.endDate,
      place: o.place,
      numberOfOccurrences: o.numberOfOccurrences,
      isContinuous: o.isContinuous,
      levelOfCompletion: o.levelOfCompletionRef ? coded(o.levelOfCompletionRef) : null,
      levelOfParticipation: o.levelOfParticipationRef ? coded(o.levelOfParticipationRef) : null,
      responsibilityExemption: o.responsibilityExemption,
      recidivism: o.recidivism,
    })),
    sanctions: c.sanctions.map((s) => ({
      sanctionId: s.sanctionId,
      nature: coded(s.natureRef),
      category: coded(s.commonCategoryRef),
      alternativeType: s.alternativeTypeRef ? coded(s.alternativeTypeRef) : null,
      multiplier: s.multiplier,
      isSpecificToMinor: s.isSpecificToMinor,
      nationalCategoryCode: s.nationalCategoryCode,
      nationalTitle: english(s.nationalTitle),
      remarks: english(s.remarks),
      sentencedPeriod: s.sentencedPeriod,
      executionPeriod: s.executionPeriod,
      numberOfFines: s.numberOfFines,
      amountOfIndividualFine: s.amountOfIndividualFine,
      currencyOfFine: s.currencyOfFineRef ? coded(s.currencyOfFineRef) : null,
      suspension: s.suspension,
      interruptions: s.interruptions,
    })),
    decisionToOffences: c.decisionToOffences,
    decisionToSanctions: c.decisionToSanctions,
    sanctionToOffences: c.sanctionToOffences,
    sanctionToSanctions: c.sanctionToSanctions,
  }));
  return {
    translationId: request.translationId,
    sourceMessageId: request.sourceMessageId,
    targetLang: 'en',
    items: [{ path: 'convictions[0].offences[0].nationalTitle[0]', sourceLang: null, text: 'EN', method: 'MACHINE' }],
    messageType: request.messageType,
    senderState: request.senderState,
    sentAt: request.sentAt,
    person: request.person,
    updatedConvictionReference: null,
    convictions,
    remarks: english(request.remarks),
  };
}
