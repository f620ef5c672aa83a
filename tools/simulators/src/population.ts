/**
 * The invented people of a simulation, made from the seed alone, so the court feed, the gateway and the
 * agencies can talk about the same person without sharing state: UK nationals the courts convict and
 * other states later ask about or notify, EU nationals whose states we notify and ask, and the rest.
 */
import type { PartialDate, Sex } from '@ecris/contracts';
import { MEMBER_STATE_PROFILES, profileOf } from './data/member-state-profiles';
import { NON_EU_ORIGINS, UK_NAMES } from './data/uk-courts';
import { digitsFor, randomFor, type SeededRandom } from './random';

export interface SimPerson {
  /** Stable within a seed, e.g. `uk-12`; never on the wire. */
  readonly id: string;
  readonly forenames: readonly string[];
  readonly surname: string;
  readonly secondSurname: string | null;
  readonly sex: Extract<Sex, 'MALE' | 'FEMALE'>;
  readonly birthDate: { readonly year: number; readonly month: number; readonly day: number };
  readonly birthTown: string;
  /** ISO 3166-1 alpha-2. */
  readonly birthCountry: string;
  /** ISO 3166-1 alpha-2, in the order a court record would list them. */
  readonly nationalities: readonly string[];
  /** The language the names are written in (ISO 639-1). */
  readonly lang: string;
  /** Police National Computer id: UK nationals who were arrested here have one. */
  readonly pncId: string | null;
}

/** Who a person is, for the court feed's mix. */
export type PersonKind = 'uk' | 'eu' | 'uk-and-eu' | 'two-eu' | 'non-eu';

export const EU_STATES: readonly string[] = MEMBER_STATE_PROFILES.map((profile) => profile.code);

function birthDate(random: SeededRandom): SimPerson['birthDate'] {
  return { year: random.int(1960, 2004), month: random.int(1, 12), day: random.int(1, 28) };
}

function pncIdOf(seed: string, id: string, year: number): string {
  const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
  const digits = digitsFor(seed, 8, 'pnc', id);
  return `${String(year % 100).padStart(2, '0')}/${digits.slice(0, 7)}${letters[Number(digits.slice(7)) % letters.length]}`;
}

function ukPerson(seed: string, id: string): SimPerson {
  const random = randomFor(seed, 'person', id);
  const sex = random.chance(0.7) ? 'MALE' : 'FEMALE';
  const born = birthDate(random);
  return {
    id,
    forenames: random.chance(0.5) ? [random.pick(UK_NAMES.forenames[sex])] : [random.pick(UK_NAMES.forenames[sex]), random.pick(UK_NAMES.forenames[sex])],
    surname: random.pick(UK_NAMES.surnames),
    secondSurname: null,
    sex,
    birthDate: born,
    birthTown: random.pick(UK_NAMES.towns),
    birthCountry: 'GB',
    nationalities: ['GB'],
    lang: 'en',
    pncId: pncIdOf(seed, id, born.year + 18),
  };
}

function euPerson(seed: string, id: string, state: string): SimPerson {
  const random = randomFor(seed, 'person', id);
  const profile = profileOf(state);
  const sex = random.chance(0.7) ? 'MALE' : 'FEMALE';
  return {
    id,
    forenames: [random.pick(profile.forenames[sex])],
    surname: random.pick(profile.surnames),
    secondSurname: profile.secondSurnames ? random.pick(profile.secondSurnames) : null,
    sex,
    birthDate: birthDate(random),
    birthTown: random.pick(profile.towns),
    birthCountry: state,
    nationalities: [state],
    lang: profile.lang,
    pncId: null,
  };
}

/** A UK national, `uk-<index>`: the same person for every simulator under one seed. */
export function ukNational(seed: string, index: number): SimPerson {
  return ukPerson(seed, `uk-${index}`);
}

/** A national of one simulated EU state, `eu-<state>-<index>`. */
export function euNational(seed: string, state: string, index: number): SimPerson {
  return euPerson(seed, `eu-${state}-${index}`, state);
}

/** A person of the given kind for the court feed's `index`-th conviction. */
export function personOfKind(seed: string, kind: PersonKind, index: number): SimPerson {
  const random = randomFor(seed, 'kind', kind, index);
  switch (kind) {
    case 'uk':
      return ukNational(seed, index);
    case 'eu':
      return euNational(seed, random.pick(EU_STATES), index);
    case 'uk-and-eu': {
      // Born and raised here, with a parent's EU nationality as well.
      const person = ukNational(seed, index);
      return { ...person, nationalities: ['GB', random.pick(EU_STATES)] };
    }
    case 'two-eu': {
      const [first, second] = twoDifferent(random, EU_STATES);
      const person = euNational(seed, first, index);
      return { ...person, nationalities: [first, second] };
    }
    case 'non-eu': {
      const origin = random.pick(NON_EU_ORIGINS);
      const person = ukPerson(seed, `non-eu-${index}`);
      return { ...person, birthTown: origin.town, birthCountry: origin.country, nationalities: [origin.country], pncId: null };
    }
  }
}

function twoDifferent(random: SeededRandom, items: readonly string[]): [string, string] {
  const first = random.pick(items);
  const second = random.pick(items.filter((item) => item !== first));
  return [first, second];
}

export function partialBirthDate(person: SimPerson): PartialDate {
  return { ...person.birthDate };
}
