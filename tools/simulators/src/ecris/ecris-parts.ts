/**
 * Pieces of ECRIS messages the simulated member states send: header, person, conviction. Each takes its
 * randomness and time as arguments, so a seed and a start time reproduce a message byte for byte.
 */
import type { Conviction, MessageHeader, Person, TextRepresentation } from '@ecris/contracts';
import { formatMessageId, offenceCategoryRefOf, type EcrisMessageType } from '@ecris/ecris-model';
import { countryRefOf, loadReferenceData } from '@ecris/reference-data';
import type { MemberStateProfile, Phrase } from '../data/member-state-profiles';
import type { SimPerson } from '../population';
import { digitsFor, type SeededRandom } from '../random';

/** Our own country, the receiver of everything the simulated states send. */
export const UK = 'GB';

const REFERENCE_DATA = loadReferenceData();

/** `CO-00-250-FRA` for `FR`, from the bundled countries table (which has every member state and GB). */
export function countryRef(iso2: string, onDate: string): string {
  const ref = countryRefOf(REFERENCE_DATA, iso2, onDate);
  if (!ref) throw new Error(`the countries table has no ${iso2}`);
  return ref;
}

/** An ECRIS message id whose 15-digit serial is derived from the seed and what the message is about. */
export function messageIdFor(seed: string, sender: string, receiver: string, type: EcrisMessageType, ...about: string[]): string {
  return formatMessageId({ sender, receiver, type, serial: BigInt(digitsFor(seed, 15, type, sender, receiver, ...about)) });
}

export function convictionIdFor(seed: string, state: string, ...about: string[]): string {
  return `${state}-C-${digitsFor(seed, 15, 'conviction', state, ...about)}`;
}

export function header(messageId: string, timestamp: Date, sender: string, receiver: string, responseTo: string | null = null): MessageHeader {
  return { messageId, timestamp: secondsOf(timestamp), responseTo, sender, receiver };
}

/** ECRIS date-times to the second, as the fixtures give them. */
export function secondsOf(time: Date): string {
  return `${time.toISOString().slice(0, 19)}Z`;
}

export function dateOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const time = new Date(`${date}T00:00:00Z`);
  time.setUTCDate(time.getUTCDate() + days);
  return dateOf(time);
}

export function inLanguage(lang: string, text: string): TextRepresentation {
  return { lang, translated: false, text };
}

export function phraseIn(profile: MemberStateProfile, phrase: Phrase): TextRepresentation[] {
  return [inLanguage(profile.lang, phrase.text)];
}

/** The person as a member state's register holds them: names in their own language, every nationality. */
export function ecrisPerson(person: SimPerson, onDate: string): Person {
  const name = (text: string) => ({ lang: person.lang, text });
  return {
    name: {
      forename: name(person.forenames.join(' ')),
      surname: name(person.surname),
      secondSurname: person.secondSurname ? name(person.secondSurname) : null,
      fullName: null,
    },
    sex: person.sex,
    birthDate: { ...person.birthDate },
    birthPlace: { countryRef: countryRef(person.birthCountry, onDate), subdivisionRef: null, townRef: null, townName: [inLanguage(person.lang, person.birthTown)] },
    nationalityRefs: person.nationalities.map((code) => countryRef(code, onDate)),
    formerForenames: [],
    formerSurnames: [],
    formerSecondSurnames: [],
    father: null,
    mother: null,
    identityNumber: null,
    identificationDocuments: [],
    addresses: [],
    aliases: [],
    remarks: [],
  };
}

export interface ConvictionFacts {
  readonly convictionId: string;
  readonly profile: MemberStateProfile;
  /** Date of the decision, YYYY-MM-DD; final two weeks later. */
  readonly decisionDate: string;
  readonly random: SeededRandom;
}

/**
 * One conviction as the state's register words it: one or two offences with their Annex A category,
 * one sentence (imprisonment or a fine) for all of them, one decision.
 */
export function foreignConviction(facts: ConvictionFacts): Conviction {
  const { profile, random, decisionDate } = facts;
  const finalDate = addDays(decisionDate, 14);
  const court = random.pick(profile.courts);
  const wordings = random.chance(0.3) ? pickTwo(random, profile.offences) : [random.pick(profile.offences)];
  const offences = wordings.map((wording, i) => {
    const start = addDays(decisionDate, -random.int(120, 700));
    return {
      offenceId: `O-${String(i + 1).padStart(5, '0')}`,
      commonCategoryRef: offenceCategoryRefOf(wording.category)!,
      applicableLegalProvisions: wording.provisions.text,
      nationalCategoryCode: null,
      nationalTitle: phraseIn(profile, wording.title),
      remarks: [],
      startDate: { year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)), day: null },
      endDate: null,
      place: { countryRef: countryRef(profile.code, decisionDate), subdivisionRef: null, townRef: null, townName: [inLanguage(profile.lang, random.pick(profile.towns))] },
      numberOfOccurrences: null,
      isContinuous: 'UNKNOWN' as const,
      levelOfCompletionRef: 'LC-00-C',
      levelOfParticipationRef: 'LP-00-M',
      responsibilityExemption: 'No' as const,
      recidivism: 'UNKNOWN' as const,
    };
  });
  const fine = random.chance(0.3);
  const sentence = fine ? profile.fine : profile.imprisonment;
  const sanction = {
    sanctionId: 'S-00001',
    natureRef: 'N-00-0',
    commonCategoryRef: `S-00-00${sentence.category}`,
    alternativeTypeRef: null,
    multiplier: 1,
    isSpecificToMinor: 'No' as const,
    nationalCategoryCode: null,
    nationalTitle: phraseIn(profile, sentence.title),
    remarks: [],
    sentencedPeriod: fine ? null : { startDate: finalDate, duration: `P${random.int(6, 60)}M`, endDate: null, durationExact: 'Yes' as const },
    executionPeriod: null,
    numberOfFines: fine ? 1 : null,
    amountOfIndividualFine: fine ? `${random.int(5, 200) * 100}.00` : null,
    currencyOfFineRef: fine ? profile.currencyRef : null,
    suspension: null,
    interruptions: [],
  };
  const offenceIds = offences.map((offence) => offence.offenceId);
  return {
    convictionId: facts.convictionId,
    convictingCountryRef: countryRef(profile.code, decisionDate),
    fileNumber: `${profile.code}/${decisionDate.slice(0, 4)}/${facts.convictionId.slice(-6)}`,
    decisionDate,
    decisionFinalDate: finalDate,
    decidingAuthority: { code: null, name: phraseIn(profile, court) },
    nonCriminalRuling: 'No',
    retentionPeriodEndDate: null,
    isTransmittable: 'Yes',
    remarks: [],
    decisions: [
      { decisionId: 'D-00001', changeTypeRefs: [], decisionDate, finalDate, decidingAuthority: null, deleteConvictionFromRegister: 'No', remarks: [] },
    ],
    offences,
    sanctions: [sanction],
    decisionToOffences: [{ decisionId: 'D-00001', offenceIds }],
    decisionToSanctions: [{ decisionId: 'D-00001', sanctionIds: ['S-00001'] }],
    sanctionToOffences: [{ sanctionId: 'S-00001', offenceIds }],
    sanctionToSanctions: [],
  };
}

function pickTwo<T>(random: SeededRandom, items: readonly T[]): T[] {
  const first = random.pick(items);
  return [first, random.pick(items.filter((item) => item !== first))];
}

export type ChangeKind = 'sentence-changed' | 'quashed';

/**
 * The conviction after a later decision of an appeal court: a second decision naming what changed
 * (DCH-00-E replaced sentence; DCH-00-Y, the code notification-out also uses for a conviction quashed,
 * with delete-from-register Yes), and for a changed sentence, the sentence shortened.
 */
export function changedConviction(original: Conviction, profile: MemberStateProfile, change: ChangeKind, decisionDate: string): Conviction {
  const quashed = change === 'quashed';
  const decision = {
    decisionId: 'D-00002',
    changeTypeRefs: [quashed ? 'DCH-00-Y' : 'DCH-00-E'],
    decisionDate,
    finalDate: decisionDate,
    decidingAuthority: { code: null, name: phraseIn(profile, profile.appealCourt) },
    deleteConvictionFromRegister: quashed ? ('Yes' as const) : ('No' as const),
    remarks: phraseIn(profile, quashed ? profile.convictionQuashed : profile.sentenceChanged),
  };
  const sanctions = quashed ? original.sanctions : original.sanctions.map(shortened);
  return {
    ...original,
    decisions: [...original.decisions, decision],
    sanctions,
    decisionToSanctions: [...original.decisionToSanctions, { decisionId: 'D-00002', sanctionIds: sanctions.map((s) => s.sanctionId) }],
  };
}

function shortened(sanction: Conviction['sanctions'][number]): Conviction['sanctions'][number] {
  const months = /^P(\d+)M$/.exec(sanction.sentencedPeriod?.duration ?? '');
  if (sanction.sentencedPeriod && months) {
    return { ...sanction, sentencedPeriod: { ...sanction.sentencedPeriod, duration: `P${Math.max(1, Math.floor(Number(months[1]) / 2))}M` } };
  }
  if (sanction.amountOfIndividualFine) {
    return { ...sanction, amountOfIndividualFine: `${Math.max(100, Math.floor(Number(sanction.amountOfIndividualFine) / 2))}.00` };
  }
  return sanction;
}
