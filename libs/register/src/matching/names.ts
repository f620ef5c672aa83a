import { transliterate } from './transliteration';

/** Latin letters that NFD does not split into a base letter and a mark. */
const SPECIAL_LATIN: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * A name as comparable text: lower case, accents removed, Greek and Cyrillic transliterated,
 * hyphens, apostrophes and any other punctuation turned into spaces, whitespace collapsed.
 * "Ó Briain-García" and "o briain garcia" normalise alike.
 */
export function normaliseName(name: string): string {
  const lower = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const latin = transliterate(lower.replace(/[ßæœøłđðþı]/g, (ch) => SPECIAL_LATIN[ch] ?? ch));
  return latin
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The words of a normalised name. */
export function nameTokens(name: string): string[] {
  const normalised = normaliseName(name);
  return normalised === '' ? [] : normalised.split(' ');
}

/**
 * Folds spellings that romanisation and habit make interchangeable, so variants of one name get one
 * key: ph/f, th/t, kh/ch/h (Greek chi, Cyrillic kha), ks/x, ts/tz/c, sh/zh/shch, y/j/i, w/v, ou/u,
 * doubled letters. Used for the search index and for "equal after transliteration"; never shown.
 */
export function looseKey(token: string): string {
  return token
    .replace(/shch/g, 's')
    .replace(/sch/g, 's')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/kh|ch/g, 'h')
    .replace(/ks/g, 'x')
    .replace(/ts|tz/g, 'c')
    .replace(/sh|zh/g, (m) => m[0] as string)
    .replace(/ou/g, 'u')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
}

/** Loose keys of every word of a name. */
export function looseTokens(name: string): string[] {
  return nameTokens(name).map(looseKey);
}

/** Levenshtein distance, with an early exit once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** A typo's worth of difference: one edit for names of 5+ letters, two for 9+; none for short names. */
export function similarSpelling(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  return allowed > 0 && editDistance(a, b, allowed) <= allowed;
}
