/**
 * Surnames no real person and no other bench input shares: `Bench` and the index spelled as
 * consonant-vowel syllables. Alternating letters never hold the pairs and doubles the register's
 * loose key folds (ts, ks, ou, tt, ...), so two indices never fold to one key: each input is about a
 * distinct person, and a search finds only them.
 */
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = CONSONANTS.length * VOWELS.length;

export function syntheticSurname(index: number): string {
  let rest = index;
  let spelled = '';
  // Four syllables: 70^4, some 24 million distinct names.
  for (let syllable = 0; syllable < 4; syllable++) {
    const value = rest % SYLLABLES;
    spelled += CONSONANTS[Math.floor(value / VOWELS.length)]! + VOWELS[value % VOWELS.length]!;
    rest = Math.floor(rest / SYLLABLES);
  }
  return `Bench${spelled}`;
}
