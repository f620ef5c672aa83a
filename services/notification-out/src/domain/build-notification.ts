/**
 * The ECRIS NOT for one conviction and one receiving state, built from the court record as it now
 * stands (ecris.md §2.1, §2.2, scenarios 1, 2, 4, 5, 6). Coded fields come from the reference tables and
 * the classification tables; free text stays in English, marked `lang: 'en', translated: false`.
 *
 * What cannot be completed is not guessed: it is returned as a problem and the caller holds the
 * notification for an operator. Problems name codes and field paths only, never personal data.
 */
import type {
  CourtConviction,
  CourtOffence,
  CourtPerson,
  CourtSentence,
  Decision,
  Notification,
  Offence,
  Person,
  Sanction,
  TextRepresentation,
  YesNoUnknown,
} from '@ecris/contracts';
import { validateMessage } from '@ecris/ecris-model';
import { countryRefOf, isMemberStateWireCode, toWireCode, type ReferenceData } from '@ecris/reference-data';
import { canonicalJson } from './canonical-json';
import { CHANGE_TYPES } from './later-decisions';
import { offenceCategoryRef, sentenceCategoryRef, type Classifier } from './classification';
import type { ConvictionState, HeldReason, LaterDecision, NotificationBody, NotificationKind } from './model';

export interface BuildContext {
  /** Our ECRIS wire code (GB). */
  readonly sender: string;
  readonly reference: ReferenceData;
  readonly classifier: Classifier;
  /** ConvictionIsTransmittable for UK convictions: a policy of the central authority (README, config). */
  readonly isTransmittable: YesNoUnknown;
  /** The day whose reference codes apply (YYYY-MM-DD). */
  readonly onDate: string;
}

export interface NotificationTarget {
  readonly messageId: string;
  readonly receiver: string;
  readonly timestamp: string;
  readonly kind: NotificationKind;
}

export interface NotificationDraft {
  readonly body: NotificationBody;
  /** Empty when the NOT can be sent. */
  readonly problems: readonly HeldReason[];
}

/** The convictions the builder needs: what notification-out holds, with the court record present. */
export type NotifiableConviction = Pick<ConvictionState, 'convictionReference' | 'ecrisConvictionId' | 'laterDecisions'> & {
  readonly conviction: CourtConviction;
};

/** How the person's remarks begin when they carry the court record's other names (RAI answers look for it). */
export const OTHER_NAMES_REMARK = 'Other names recorded:';

const en = (text: string): TextRepresentation[] => [{ lang: 'en', translated: false, text }];
const name = (text: string) => ({ lang: null, text });
const id = (prefix: 'O' | 'D' | 'S', index: number) => `${prefix}-${String(index + 1).padStart(5, '0')}`;

/** Observed reference values (reference-data); others are used only once a loaded table has them. */
const COMPLETION = { completed: 'LC-00-C', attempt: 'LC-00-A', notTransmitted: 'LC-00-0' } as const;
const PARTICIPATION = { perpetrator: 'LP-00-M', accessory: 'LP-00-H', notTransmitted: 'LP-00-0' } as const;
const PRINCIPAL = /^(principal|perpetrator|offender)$/i;

class Problems {
  readonly list: HeldReason[] = [];
  add(reason: HeldReason): void {
    if (!this.list.some((r) => r.code === reason.code && r.nationalCode === reason.nationalCode && r.path === reason.path)) {
      this.list.push(reason);
    }
  }
}

export function buildNotification(state: NotifiableConviction, target: NotificationTarget, ctx: BuildContext): NotificationDraft {
  const problems = new Problems();
  const body: NotificationBody = {
    header: { messageId: target.messageId, timestamp: target.timestamp, responseTo: null, sender: ctx.sender, receiver: target.receiver },
    contactPerson: null,
    remarks: [],
    person: buildPerson(state.conviction.person, ctx, problems),
    conviction: buildConviction(state, ctx, problems),
    updatedConvictionReference:
      target.kind === 'UPDATE' ? { ecrisConvictionId: state.ecrisConvictionId, njrConvictionReference: null, externalConviction: null } : null,
    otherAffectedConvictions: null,
    fingerprints: null,
  };
  if (problems.list.length === 0) {
    // Whatever ECRIS still finds wrong would come back as a FEM: hold it here instead, with the field path.
    const failures = validateMessage('NOT', body as Notification, { isMemberState: isMemberStateWireCode(ctx.reference, ctx.onDate) });
    for (const failure of failures) problems.add({ code: 'INCOMPLETE', path: failure.path, message: failure.message });
  }
  return { body, problems: problems.list };
}

/**
 * What a receiving state is told about the person and the conviction, without the decisions: equal for
 * two versions of a court record exactly when an amendment changes nothing notifiable (ecris.md R6).
 */
export function notifiableContent(state: NotifiableConviction, ctx: BuildContext): string {
  const problems = new Problems();
  const conviction = buildConviction({ ...state, laterDecisions: [] }, ctx, problems);
  const { decisions: _d, decisionToOffences: _o, decisionToSanctions: _s, ...rest } = conviction;
  return canonicalJson({ person: buildPerson(state.conviction.person, ctx, problems), conviction: rest });
}

function buildPerson(person: CourtPerson, ctx: BuildContext, problems: Problems): Person {
  const forenames = person.forenames.join(' ');
  const nationalityRefs: string[] = [];
  const unreferenced: string[] = [];
  for (const nationality of person.nationalities) {
    const ref = countryRef(ctx, nationality);
    if (ref) nationalityRefs.push(ref);
    else unreferenced.push(nationality.toUpperCase());
  }
  const remarks: string[] = [];
  // The court record keeps other names as whole strings; splitting them into ECRIS forename and
  // surname would be a guess, so they travel as text (FD Art. 11: "any previous names").
  if (person.otherNames.length > 0) remarks.push(`${OTHER_NAMES_REMARK} ${person.otherNames.join('; ')}.`);
  if (unreferenced.length > 0) {
    remarks.push(`Also a national of (ISO 3166-1 alpha-2; no ECRIS country reference loaded): ${[...new Set(unreferenced)].join(', ')}.`);
  }
  return {
    name: { forename: name(forenames), surname: name(person.surname), secondSurname: null, fullName: name(`${forenames} ${person.surname}`) },
    sex: person.sex,
    birthDate: person.dateOfBirth,
    birthPlace: birthPlace(person, ctx, problems),
    nationalityRefs: [...new Set(nationalityRefs)],
    formerForenames: [],
    formerSurnames: [],
    formerSecondSurnames: [],
    father: null,
    mother: null,
    // The PNC id is a UK police reference, not a national identity number: not sent.
    identityNumber: null,
    identificationDocuments: [],
    addresses: [],
    aliases: [],
    remarks: remarks.length > 0 ? en(remarks.join(' ')) : [],
  };
}

function birthPlace(person: CourtPerson, ctx: BuildContext, problems: Problems): Person['birthPlace'] {
  const countryRefValue = person.placeOfBirthCountry ? countryRef(ctx, person.placeOfBirthCountry) : undefined;
  if (!person.placeOfBirthCountry) {
    problems.add({ code: 'INCOMPLETE', path: 'person.birthPlace.countryRef', message: 'the court record gives no country of birth' });
  } else if (!countryRefValue) {
    problems.add({
      code: 'INCOMPLETE',
      path: 'person.birthPlace.countryRef',
      message: 'no ECRIS country reference is loaded for the country of birth (load it into the countries reference table)',
    });
  }
  if (!person.placeOfBirthTown) {
    problems.add({ code: 'INCOMPLETE', path: 'person.birthPlace.townName', message: 'the court record gives no town of birth' });
  }
  return {
    countryRef: countryRefValue ?? '',
    subdivisionRef: null,
    townRef: null,
    // Place names are not translated: no language claimed.
    townName: [{ lang: null, translated: false, text: person.placeOfBirthTown ?? '' }],
  };
}

/** `CO-00-250-FRA` for FR (or EL for GR); undefined when the countries table lacks it. */
function countryRef(ctx: BuildContext, iso2: string): string | undefined {
  const code = toWireCode(ctx.reference, iso2, ctx.onDate) ?? iso2;
  return countryRefOf(ctx.reference, code, ctx.onDate);
}

function buildConviction(state: NotifiableConviction, ctx: BuildContext, problems: Problems): Notification['conviction'] {
  const { conviction } = state;
  const convictingCountryRef = countryRef(ctx, ctx.sender);
  if (!convictingCountryRef) {
    problems.add({ code: 'INCOMPLETE', path: 'conviction.convictingCountryRef', message: `no ECRIS country reference is loaded for ${ctx.sender}` });
  }
  if (conviction.finalDate === null) {
    problems.add({
      code: 'INCOMPLETE',
      path: 'conviction.decisionFinalDate',
      message: 'the conviction is not final yet (the court record has no final date); ECRIS requires one',
    });
  }
  const offences = conviction.offences.map((offence, i) => buildOffence(offence, i, ctx, problems));
  const offenceIdBySeq = new Map(conviction.offences.map((offence, i) => [offence.offenceSeq, id('O', i)]));
  const sanctions = conviction.sentences.map((sentence, i) => buildSanction(sentence, i, ctx, problems));
  const decisions = buildDecisions(conviction, state.laterDecisions);
  const sanctionDecision = decisionImposingSanctions(state.laterDecisions);

  return {
    convictionId: state.ecrisConvictionId,
    convictingCountryRef: convictingCountryRef ?? '',
    fileNumber: state.convictionReference,
    decisionDate: conviction.convictionDate,
    decisionFinalDate: conviction.finalDate ?? '',
    decidingAuthority: { code: conviction.court.code, name: en(conviction.court.name) },
    nonCriminalRuling: 'No',
    retentionPeriodEndDate: null,
    isTransmittable: ctx.isTransmittable,
    remarks: conviction.courtMartial ? en('Service (court-martial) conviction.') : [],
    decisions,
    offences,
    sanctions,
    decisionToOffences: offences.length > 0 ? [{ decisionId: id('D', 0), offenceIds: offences.map((o) => o.offenceId) }] : [],
    decisionToSanctions: sanctions.length > 0 ? [{ decisionId: sanctionDecision, sanctionIds: sanctions.map((s) => s.sanctionId) }] : [],
    sanctionToOffences: conviction.sentences.map((sentence, i) => ({
      sanctionId: id('S', i),
      offenceIds: sentence.offenceSeqs.map((seq) => {
        const offenceId = offenceIdBySeq.get(seq);
        if (!offenceId) {
          problems.add({
            code: 'INCOMPLETE',
            path: `conviction.sanctionToOffences[${i}].offenceIds`,
            message: 'the sentence names an offence the conviction does not have',
          });
        }
        return offenceId ?? '';
      }),
    })),
    sanctionToSanctions: [],
  };
}

/** The judgment first, then every later decision in the order recorded. */
function buildDecisions(conviction: CourtConviction, later: readonly LaterDecision[]): Decision[] {
  const judgment: Decision = {
    decisionId: id('D', 0),
    changeTypeRefs: [],
    decisionDate: conviction.convictionDate,
    finalDate: conviction.finalDate,
    decidingAuthority: null,
    deleteConvictionFromRegister: 'No',
    remarks: [],
  };
  return [
    judgment,
    ...later.map(
      (decision, i): Decision => ({
        decisionId: id('D', i + 1),
        changeTypeRefs: [decision.changeTypeRef],
        decisionDate: decision.decisionDate,
        // When an appeal decision became final is not in the court event.
        finalDate: null,
        decidingAuthority: decision.decidingCourt ? { code: decision.decidingCourt.code, name: en(decision.decidingCourt.name) } : null,
        deleteConvictionFromRegister: decision.deleteFromRegister ? 'Yes' : 'No',
        remarks: en(decision.remark),
      }),
    ),
  ];
}

/** The sanctions as they now stand were imposed by the last decision that replaced them, else by the judgment. */
function decisionImposingSanctions(later: readonly LaterDecision[]): string {
  for (let i = later.length - 1; i >= 0; i--) {
    if (later[i]!.changeTypeRef === CHANGE_TYPES.penaltyReplaced) return id('D', i + 1);
  }
  return id('D', 0);
}

function buildOffence(offence: CourtOffence, index: number, ctx: BuildContext, problems: Problems): Offence {
  const classification = ctx.classifier.offence(offence.ukOffenceCode);
  if (classification.outcome === 'unknown') {
    problems.add({
      code: 'OFFENCE_UNCLASSIFIED',
      nationalCode: offence.ukOffenceCode,
      message: `UK offence ${offence.ukOffenceCode} (${offence.statute}) has no ECRIS offence category, not even a group`,
    });
  }
  const remarks: string[] = [];
  const completion = levelOfCompletion(offence, ctx);
  if (completion === COMPLETION.notTransmitted && offence.attempted) remarks.push('Attempt.');
  const participation = levelOfParticipation(offence, ctx);
  if (participation === PARTICIPATION.notTransmitted && offence.participation) remarks.push(`Participation: ${offence.participation}.`);
  if (offence.place) remarks.push(`Place: ${offence.place}.`);
  return {
    offenceId: id('O', index),
    commonCategoryRef: classification.outcome === 'unknown' ? '' : offenceCategoryRef(classification.code),
    applicableLegalProvisions: offence.statute,
    nationalCategoryCode: offence.ukOffenceCode,
    nationalTitle: en(offence.title),
    remarks: remarks.length > 0 ? en(remarks.join(' ')) : [],
    startDate: offence.committedFrom,
    endDate: offence.committedTo,
    // The place has no country in the court record; it travels in the remarks rather than as an ECRIS
    // Place with a guessed country.
    place: null,
    numberOfOccurrences: null,
    // A UK "between" date range may be uncertainty about when, not a continuing offence: not claimed.
    isContinuous: offence.committedTo ? 'UNKNOWN' : 'No',
    levelOfCompletionRef: completion,
    levelOfParticipationRef: participation,
    responsibilityExemption: 'UNKNOWN',
    recidivism: 'UNKNOWN',
  };
}

/** A code is used only when the loaded table has it; else "not transmitted" and the fact goes in the remarks. */
function loaded(ctx: BuildContext, table: string, code: string): boolean {
  return ctx.reference.lookup(table, code, ctx.onDate) !== undefined;
}

function levelOfCompletion(offence: CourtOffence, ctx: BuildContext): string {
  const wanted = offence.attempted ? COMPLETION.attempt : COMPLETION.completed;
  return loaded(ctx, 'offence-completion-levels', wanted) ? wanted : COMPLETION.notTransmitted;
}

function levelOfParticipation(offence: CourtOffence, ctx: BuildContext): string {
  if (!offence.participation) return PARTICIPATION.notTransmitted;
  const wanted = PRINCIPAL.test(offence.participation.trim()) ? PARTICIPATION.perpetrator : PARTICIPATION.accessory;
  return loaded(ctx, 'offence-participation-levels', wanted) ? wanted : PARTICIPATION.notTransmitted;
}

function buildSanction(sentence: CourtSentence, index: number, ctx: BuildContext, problems: Problems): Sanction {
  const classification = ctx.classifier.sentence(sentence.disposalCode);
  if (classification.outcome === 'unknown') {
    problems.add({
      code: 'SENTENCE_UNCLASSIFIED',
      nationalCode: sentence.disposalCode,
      message: `UK disposal ${sentence.disposalCode} has no ECRIS penalty category`,
    });
  }
  const fine = sentence.fineAmount !== null;
  const currency = fine ? currencyRef(ctx, 'GBP') : undefined;
  if (fine && !currency) {
    problems.add({ code: 'INCOMPLETE', path: `conviction.sanctions[${index}].currencyOfFineRef`, message: 'no ECRIS currency reference is loaded for GBP' });
  }
  return {
    sanctionId: id('S', index),
    natureRef: classification.outcome === 'category' ? classification.natureRef : '',
    commonCategoryRef: classification.outcome === 'category' ? sentenceCategoryRef(classification.code) : '',
    alternativeTypeRef: null,
    multiplier: 1,
    isSpecificToMinor: classification.outcome === 'category' && classification.specificToMinor ? 'Yes' : 'No',
    nationalCategoryCode: sentence.disposalCode,
    nationalTitle: en(sentence.description),
    // No ECRIS suspension-type value is known (reference data), so a suspension is told in words.
    remarks: sentence.suspendedFor ? en(`Suspended; operational period ${sentence.suspendedFor} (ISO 8601 duration).`) : [],
    sentencedPeriod:
      sentence.duration || sentence.startDate
        ? { startDate: sentence.startDate, duration: sentence.duration, endDate: null, durationExact: sentence.duration ? 'Yes' : 'UNKNOWN' }
        : null,
    executionPeriod: null,
    numberOfFines: fine ? 1 : null,
    amountOfIndividualFine: sentence.fineAmount,
    currencyOfFineRef: currency ?? null,
    suspension: null,
    interruptions: [],
  };
}

function currencyRef(ctx: BuildContext, iso4217: string): string | undefined {
  return ctx.reference.entriesOn('currencies', ctx.onDate).find((entry) => entry.attributes?.iso4217Alpha === iso4217)?.code;
}
