/**
 * Greek and Cyrillic to Latin, letter by letter, our own small table. It follows the common
 * passport-style romanisations (ELOT 743 for Greek, a BGN/PCGN-like scheme for Russian, Ukrainian
 * and Bulgarian) closely enough that, after the loose folding in names.ts, the usual variants of one
 * name meet (Γεώργιος / Georgios, Χρήστος / Christos / Hristos, Щукин / Shchukin).
 * It is not a linguistic transliteration: it only has to make two spellings of a name comparable.
 */

/** Two-letter Greek sequences read as one sound; checked before single letters. */
const GREEK_DIGRAPHS: Readonly<Record<string, string>> = {
  ου: 'ou',
  αι: 'ai',
  ει: 'ei',
  οι: 'oi',
  μπ: 'mp',
  ντ: 'nt',
  γκ: 'gk',
  γγ: 'ng',
};

const GREEK: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * Latin text with Greek and Cyrillic letters replaced. Expects lower case with accents already
 * removed (Greek tonos and dialytika are combining marks after NFD), and leaves Latin untouched.
 */
export function transliterate(lowerNoAccents: string): string {
  let out = '';
  for (let i = 0; i < lowerNoAccents.length; i += 1) {
    const pair = lowerNoAccents.slice(i, i + 2);
    const digraph = GREEK_DIGRAPHS[pair];
    if (digraph !== undefined) {
      out += digraph;
      i += 1;
      continue;
    }
    const ch = lowerNoAccents[i] as string;
    out += GREEK[ch] ?? CYRILLIC[ch] ?? ch;
  }
  return out;
}
