/**
 * The English rendering of a translation request once every text has a translation: codes labelled,
 * each free text's original representations kept and an English one added, marked translated.
 */
import type {
  Conviction,
  Decision,
  EnglishConviction,
  EnglishDecision,
  EnglishOffence,
  EnglishSanction,
  Offence,
  Sanction,
  TextRepresentation,
  TextTranslated,
  TranslatedText,
  YesNoUnknown,
} from '@ecris/contracts';
import type { CodeBook } from './code-book';
import { declaredLanguageOf, ENGLISH, keyOf, representationToTranslate, textsToTranslate, type TranslationRequest } from './free-texts';
import type { Translation } from './translation-chain';

export type EnglishRendering = Omit<TextTranslated, 'meta'>;

/** Translations by text key (`keyOf`); every text of the request must have one. */
export type Translations = ReadonlyMap<string, Translation>;

export function renderEnglish(request: TranslationRequest, translations: Translations, codes: CodeBook): EnglishRendering {
  const texts = textsToTranslate(request);
  const byPath = new Map(texts.map((text) => [text.path, text]));
  const translationAt = (path: string): Translation | undefined => {
    const source = byPath.get(path);
    if (!source) return undefined;
    const translation = translations.get(keyOf(source));
    if (!translation) throw new Error(`no translation for ${path}: render only a complete job`);
    return translation;
  };
  const english = (path: string, representations: readonly TextRepresentation[]): TextRepresentation[] => {
    const index = representationToTranslate(representations);
    const translation = index === null ? undefined : translationAt(`${path}[${index}]`);
    return translation ? [...representations, { lang: ENGLISH, translated: true, text: translation.text }] : [...representations];
  };
  const renderer = new ConvictionRenderer(english, translationAt, codes);

  const notNeeded: TranslatedText[] = request.items
    .filter((item) => item.sourceLang === ENGLISH)
    .map((item) => ({ path: item.path, sourceLang: item.sourceLang, text: item.text, method: 'NOT_NEEDED' }));
  const translated: TranslatedText[] = texts.map((text) => {
    const translation = translationAt(text.path)!;
    return { path: text.path, sourceLang: text.lang, text: translation.text, method: translation.method };
  });

  return {
    translationId: request.translationId,
    sourceMessageId: request.sourceMessageId,
    targetLang: ENGLISH,
    items: [...translated, ...notNeeded],
    messageType: request.messageType,
    senderState: request.senderState,
    sentAt: request.sentAt,
    person: request.person,
    updatedConvictionReference: request.updatedConvictionReference,
    convictions: request.convictions.map((conviction, c) => renderer.conviction(conviction, `convictions[${c}]`)),
    remarks: english('remarks', request.remarks),
  };
}

type English = (path: string, representations: readonly TextRepresentation[]) => TextRepresentation[];

class ConvictionRenderer {
  constructor(
    private readonly english: English,
    private readonly translationAt: (path: string) => Translation | undefined,
    private readonly codes: CodeBook,
  ) {}

  conviction(conviction: Conviction, at: string): EnglishConviction {
    const language = declaredLanguageOf(conviction);
    return {
      convictionId: conviction.convictionId,
      convictingCountry: this.codes.label('countries', conviction.convictingCountryRef),
      convictingState: this.codes.stateOf(conviction.convictingCountryRef),
      fileNumber: conviction.fileNumber,
      decisionDate: conviction.decisionDate,
      decisionFinalDate: conviction.decisionFinalDate,
      decidingAuthority: { code: conviction.decidingAuthority.code, name: this.english(`${at}.decidingAuthority.name`, conviction.decidingAuthority.name) },
      nonCriminalRuling: conviction.nonCriminalRuling,
      retentionPeriodEndDate: conviction.retentionPeriodEndDate,
      isTransmittable: conviction.isTransmittable,
      deleteFromRegister: deleteFromRegister(conviction.decisions),
      remarks: this.english(`${at}.remarks`, conviction.remarks),
      decisions: conviction.decisions.map((decision, d) => this.decision(decision, `${at}.decisions[${d}]`)),
      offences: conviction.offences.map((offence, o) => this.offence(offence, `${at}.offences[${o}]`, language)),
      sanctions: conviction.sanctions.map((sanction, s) => this.sanction(sanction, `${at}.sanctions[${s}]`)),
      decisionToOffences: conviction.decisionToOffences,
      decisionToSanctions: conviction.decisionToSanctions,
      sanctionToOffences: conviction.sanctionToOffences,
      sanctionToSanctions: conviction.sanctionToSanctions,
    };
  }

  private decision(decision: Decision, at: string): EnglishDecision {
    return {
      decisionId: decision.decisionId,
      changeTypes: decision.changeTypeRefs.map((ref) => this.codes.label('decision-change-types', ref)),
      decisionDate: decision.decisionDate,
      finalDate: decision.finalDate,
      decidingAuthority: decision.decidingAuthority && {
        code: decision.decidingAuthority.code,
        name: this.english(`${at}.decidingAuthority.name`, decision.decidingAuthority.name),
      },
      deleteConvictionFromRegister: decision.deleteConvictionFromRegister,
      remarks: this.english(`${at}.remarks`, decision.remarks),
    };
  }

  private offence(offence: Offence, at: string, language: string | null): EnglishOffence {
    const translation = this.translationAt(`${at}.applicableLegalProvisions`);
    const original: TextRepresentation = { lang: language, translated: false, text: offence.applicableLegalProvisions };
    return {
      offenceId: offence.offenceId,
      category: this.codes.label('offence-categories', offence.commonCategoryRef),
      applicableLegalProvisions: translation ? [original, { lang: ENGLISH, translated: true, text: translation.text }] : [original],
      nationalCategoryCode: offence.nationalCategoryCode,
      nationalTitle: this.english(`${at}.nationalTitle`, offence.nationalTitle),
      remarks: this.english(`${at}.remarks`, offence.remarks),
      startDate: offence.startDate,
      endDate: offence.endDate,
      place: offence.place,
      numberOfOccurrences: offence.numberOfOccurrences,
      isContinuous: offence.isContinuous,
      levelOfCompletion: offence.levelOfCompletionRef === null ? null : this.codes.label('offence-completion-levels', offence.levelOfCompletionRef),
      levelOfParticipation:
        offence.levelOfParticipationRef === null ? null : this.codes.label('offence-participation-levels', offence.levelOfParticipationRef),
      responsibilityExemption: offence.responsibilityExemption,
      recidivism: offence.recidivism,
    };
  }

  private sanction(sanction: Sanction, at: string): EnglishSanction {
    return {
      sanctionId: sanction.sanctionId,
      nature: this.codes.label('sanction-natures', sanction.natureRef),
      category: this.codes.label('penalty-categories', sanction.commonCategoryRef),
      alternativeType: sanction.alternativeTypeRef === null ? null : this.codes.label('sanction-alternative-types', sanction.alternativeTypeRef),
      multiplier: sanction.multiplier,
      isSpecificToMinor: sanction.isSpecificToMinor,
      nationalCategoryCode: sanction.nationalCategoryCode,
      nationalTitle: this.english(`${at}.nationalTitle`, sanction.nationalTitle),
      remarks: this.english(`${at}.remarks`, sanction.remarks),
      sentencedPeriod: sanction.sentencedPeriod,
      executionPeriod: sanction.executionPeriod,
      numberOfFines: sanction.numberOfFines,
      amountOfIndividualFine: sanction.amountOfIndividualFine,
      currencyOfFine: sanction.currencyOfFineRef === null ? null : this.codes.label('currencies', sanction.currencyOfFineRef),
      suspension: sanction.suspension && { ...sanction.suspension, remarks: this.english(`${at}.suspension.remarks`, sanction.suspension.remarks) },
      interruptions: sanction.interruptions.map((interruption, i) => ({
        ...interruption,
        remarks: this.english(`${at}.interruptions[${i}].remarks`, interruption.remarks),
      })),
    };
  }
}

/** Yes if any decision asks the nationality state to delete the conviction; No if every one says No. */
export function deleteFromRegister(decisions: readonly Pick<Decision, 'deleteConvictionFromRegister'>[]): YesNoUnknown {
  if (decisions.some((d) => d.deleteConvictionFromRegister === 'Yes')) return 'Yes';
  return decisions.every((d) => d.deleteConvictionFromRegister === 'No') ? 'No' : 'UNKNOWN';
}
