/**
 * Each simulated state's criminal register, seeded: whether it holds convictions of a person, and which,
 * follows from the seed, the state and who the person is (names and birth date), so asking twice about
 * the same person gets the same answer, and asking another state gets another.
 */
import type { Conviction, Person } from '@ecris/contracts';
import { profileOf } from '../data/member-state-profiles';
import { addDays, convictionIdFor, foreignConviction } from '../ecris/ecris-parts';
import { randomFor } from '../random';

function personKey(person: Person): string {
  const { year, month, day } = person.birthDate;
  return [person.name.forename.text, person.name.surname.text, person.name.secondSurname?.text ?? '', year, month ?? '', day ?? ''].join('|').toLowerCase();
}

/**
 * The convictions `state` holds for the person: none for most people, one or two for a share of them.
 * `onDate` (YYYY-MM-DD) is the day asked; every conviction was decided at least a year before.
 */
export function convictionsHeld(seed: string, state: string, person: Person, onDate: string, share: number): Conviction[] {
  const key = personKey(person);
  const random = randomFor(seed, 'register', state, key);
  if (!random.chance(share)) return [];
  const count = random.chance(0.3) ? 2 : 1;
  const profile = profileOf(state);
  return Array.from({ length: count }, (_, i) =>
    foreignConviction({
      convictionId: convictionIdFor(seed, state, 'register', key, String(i)),
      profile,
      decisionDate: addDays(onDate, -random.int(365, 3650)),
      random,
    }),
  );
}
