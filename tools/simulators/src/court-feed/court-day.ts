/**
 * A court day on `courts.convictions.v1`: convictions recorded one after another at the configured
 * rate, the people convicted drawn from the configured mix (EU nationals of several states, UK and EU
 * dual nationals, two EU nationalities, non-EU nationals, UK nationals only), and some of them amended
 * (sentence varied on appeal) or removed (quashed) later in the day. Pure: the seed and the start time
 * decide everything.
 */
import {
  SchemaNames,
  type ConvictionAmended,
  type ConvictionRecorded,
  type ConvictionRemoved,
  type CourtConviction,
  type CourtOffence,
  type CourtSentence,
} from '@ecris/contracts';
import { childTraceparent, uuidV5, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import { CLASSIFIED_UK_OFFENCES, COURT_OF_APPEAL, DISPOSALS, UK_COURTS, UNCLASSIFIED_UK_OFFENCES } from '../data/uk-courts';
import { addDays, dateOf } from '../ecris/ecris-parts';
import { personOfKind, type PersonKind, type SimPerson } from '../population';
import { digitsFor, randomFor, type SeededRandom } from '../random';
import { timeAt, type ScheduledMessage } from '../schedule';

export const COURT_TOPIC = 'courts.convictions.v1';

export interface CourtDayOptions {
  readonly seed: string;
  readonly start: Date;
  readonly convictions: number;
  /** Time between two recorded convictions. */
  readonly spacingMs: number;
  /** When the first one is recorded. */
  readonly firstAtMs: number;
  /** Relative weights of who is convicted. */
  readonly mix: Readonly<Record<PersonKind, number>>;
  /** Share of convictions whose offences notification-out's table classifies (the rest are held for an operator). */
  readonly classifiedShare: number;
  readonly amendedShare: number;
  readonly removedShare: number;
}

export const DEFAULT_MIX: Readonly<Record<PersonKind, number>> = { eu: 40, 'uk-and-eu': 15, 'two-eu': 5, 'non-eu': 10, uk: 30 };

/** A conviction of the day, for the other simulators to ask or notify about the same person. */
export interface RecordedConviction {
  readonly reference: string;
  readonly person: SimPerson;
  readonly kind: PersonKind;
  readonly atMs: number;
}

export interface CourtDay {
  readonly events: ScheduledMessage[];
  readonly convictions: RecordedConviction[];
}

export function courtDay(options: CourtDayOptions): CourtDay {
  const events: ScheduledMessage[] = [];
  const convictions: RecordedConviction[] = [];
  for (let index = 0; index < options.convictions; index++) {
    const random = randomFor(options.seed, 'court', index);
    const kind = random.weighted(options.mix);
    const person = personOfKind(options.seed, kind, index);
    const reference = referenceOf(options, index);
    const atMs = options.firstAtMs + index * options.spacingMs;
    const recordedAt = timeAt(options.start, atMs);
    const conviction = courtConviction(random, person, recordedAt, options.classifiedShare);
    convictions.push({ reference, person, kind, atMs });
    events.push({ atMs, message: recorded(options.seed, reference, recordedAt, conviction) });

    // Later the same day (5 to 15 convictions on), an appeal varies the sentence or quashes the conviction.
    const later = options.firstAtMs + (index + random.int(5, 15)) * options.spacingMs;
    const change = random.weighted({ amended: options.amendedShare, removed: options.removedShare, none: Math.max(0, 1 - options.amendedShare - options.removedShare) });
    if (change === 'amended') events.push({ atMs: later, message: amended(options.seed, reference, timeAt(options.start, later), conviction) });
    if (change === 'removed') events.push({ atMs: later, message: removed(options.seed, reference, timeAt(options.start, later)) });
  }
  return { events, convictions };
}

/** `T<year><3 digits from the seed><4-digit sequence>`: unique within a run; two seeds share the 3 digits one time in a thousand. */
function referenceOf(options: CourtDayOptions, index: number): string {
  return `T${options.start.getUTCFullYear()}${digitsFor(options.seed, 3, 'court-reference')}${String(index).padStart(4, '0')}`;
}

function courtConviction(random: SeededRandom, person: SimPerson, recordedAt: Date, classifiedShare: number): CourtConviction {
  const today = dateOf(recordedAt);
  const convictionDate = addDays(today, -random.int(20, 90));
  const finalDate = addDays(convictionDate, random.int(14, 19));
  const court = random.pick(UK_COURTS);
  const pool = random.chance(classifiedShare) ? CLASSIFIED_UK_OFFENCES : UNCLASSIFIED_UK_OFFENCES;
  const count = random.chance(0.25) ? 2 : 1;
  const offences: CourtOffence[] = [];
  for (let i = 0; i < count; i++) {
    const offence = random.pick(pool.filter((candidate) => !offences.some((o) => o.ukOffenceCode === candidate.ukOffenceCode)));
    const from = addDays(convictionDate, -random.int(60, 500));
    offences.push({
      offenceSeq: String(i + 1),
      ukOffenceCode: offence.ukOffenceCode,
      title: offence.title,
      statute: offence.statute,
      committedFrom: { year: Number(from.slice(0, 4)), month: Number(from.slice(5, 7)), day: Number(from.slice(8, 10)) },
      committedTo: null,
      place: court.town,
      attempted: false,
      participation: 'principal',
    });
  }
  return {
    person: {
      forenames: [...person.forenames],
      surname: person.secondSurname ? `${person.surname} ${person.secondSurname}` : person.surname,
      otherNames: [],
      sex: person.sex,
      dateOfBirth: { ...person.birthDate },
      placeOfBirthTown: person.birthTown,
      placeOfBirthCountry: person.birthCountry,
      nationalities: [...person.nationalities],
      pncId: person.pncId,
    },
    court: { code: court.code, name: court.name },
    convictionDate,
    finalDate,
    offences,
    sentences: [sentence(random, offences.map((offence) => offence.offenceSeq), convictionDate)],
    courtMartial: false,
  };
}

function sentence(random: SeededRandom, offenceSeqs: string[], convictionDate: string): CourtSentence {
  const kind = random.weighted({ imprisonment: 5, suspended: 3, fine: 2 });
  const base = { sentenceSeq: '1', offenceSeqs, disposalCode: DISPOSALS[kind], startDate: null, suspendedFor: null, fineAmount: null };
  if (kind === 'fine') {
    const pounds = random.int(2, 50) * 50;
    return { ...base, description: `Fine £${pounds}`, duration: null, fineAmount: `${pounds}.00` };
  }
  const months = random.int(6, 48);
  if (kind === 'suspended') {
    const suspended = Math.min(months, 24);
    return { ...base, description: `Suspended imprisonment ${suspended} months`, duration: `P${suspended}M`, suspendedFor: 'P2Y' };
  }
  return { ...base, description: `Imprisonment ${months} months`, duration: `P${months}M`, startDate: convictionDate };
}

/** The variation on appeal: the sentence cut by half (or the fine), the rest as recorded. */
function varied(conviction: CourtConviction): CourtConviction {
  return {
    ...conviction,
    sentences: conviction.sentences.map((s) => {
      const months = /^P(\d+)M$/.exec(s.duration ?? '');
      if (months) {
        const shorter = Math.max(1, Math.floor(Number(months[1]) / 2));
        return { ...s, duration: `P${shorter}M`, description: s.description.replace(/\d+ months/, `${shorter} months`) };
      }
      if (s.fineAmount) {
        const lower = Math.max(50, Math.floor(Number(s.fineAmount) / 2));
        return { ...s, fineAmount: `${lower}.00`, description: `Fine £${lower}` };
      }
      return s;
    }),
  };
}

const SOURCE = '/court-feeds/crown-court';

function courtMeta(seed: string, reference: string, step: string, type: string, time: Date): EventMeta {
  const id = uuidV5(`simulation/${seed}/court/${reference}/${step}`);
  return { id, source: SOURCE, type, time: time.toISOString(), subject: reference, correlationId: reference, causationId: null, traceparent: childTraceparent(null, id) };
}

function message<T>(schema: string, key: string, value: T, meta: EventMeta): OutboundMessage<T> {
  return { topic: COURT_TOPIC, key, schema, value, meta };
}

function recorded(seed: string, reference: string, at: Date, conviction: CourtConviction): OutboundMessage<Omit<ConvictionRecorded, 'meta'>> {
  const meta = courtMeta(seed, reference, 'recorded', 'uk.ecris.court.conviction-recorded.v1', at);
  return message(SchemaNames.convictionRecorded, reference, { convictionReference: reference, recordedAt: at.toISOString(), conviction }, meta);
}

function amended(seed: string, reference: string, at: Date, conviction: CourtConviction): OutboundMessage<Omit<ConvictionAmended, 'meta'>> {
  const meta = courtMeta(seed, reference, 'amended', 'uk.ecris.court.conviction-amended.v1', at);
  const value = {
    convictionReference: reference,
    recordedAt: at.toISOString(),
    kind: 'SENTENCE_VARIATION' as const,
    decisionDate: dateOf(at),
    decidingCourt: { ...COURT_OF_APPEAL },
    conviction: varied(conviction),
  };
  return message(SchemaNames.convictionAmended, reference, value, meta);
}

function removed(seed: string, reference: string, at: Date): OutboundMessage<Omit<ConvictionRemoved, 'meta'>> {
  const meta = courtMeta(seed, reference, 'removed', 'uk.ecris.court.conviction-removed.v1', at);
  const value = {
    convictionReference: reference,
    recordedAt: at.toISOString(),
    reason: 'QUASHED_ON_APPEAL' as const,
    decisionDate: dateOf(at),
    decidingCourt: { ...COURT_OF_APPEAL },
  };
  return message(SchemaNames.convictionRemoved, reference, value, meta);
}
