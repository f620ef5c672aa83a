/**
 * English labels of ECRIS reference codes, from the reference tables in force on the message's date.
 * A code the table lacks, or has without an English label, keeps its code and no label: shown as
 * is and flagged, never given a guessed label (ecris.md §4).
 */
import type { CodedValue } from '@ecris/contracts';
import { iso2OfCountryRef, type ReferenceData, type ReferenceEntry } from '@ecris/reference-data';

export type CodeTable =
  | 'countries'
  | 'currencies'
  | 'decision-change-types'
  | 'offence-categories'
  | 'offence-completion-levels'
  | 'offence-participation-levels'
  | 'penalty-categories'
  | 'sanction-alternative-types'
  | 'sanction-natures';

export interface CodeBook {
  label(table: CodeTable, ref: string): CodedValue;
  /** ISO 3166-1 alpha-2 of a country reference, where the table knows it. */
  stateOf(countryRef: string): string | null;
}

export function codeBookOf(data: ReferenceData, onDate: string): CodeBook {
  return {
    label(table, ref) {
      const entry = data.lookup(table, ref, onDate);
      return { ref, known: entry !== undefined, ...englishLabelOf(entry) };
    },
    stateOf(countryRef) {
      return iso2OfCountryRef(data, countryRef, onDate) ?? null;
    },
  };
}

/**
 * The entry's label when it is English; else an English rendering the table itself records (an
 * unofficial translation of a Bulgarian label, or a country's English name), marked unofficial.
 */
function englishLabelOf(entry: ReferenceEntry | undefined): Pick<CodedValue, 'label' | 'labelIsOfficial'> {
  if (!entry) return { label: null, labelIsOfficial: false };
  if (entry.label !== null && entry.labelLang === 'en') return { label: entry.label, labelIsOfficial: entry.labelIsOfficial };
  const recorded = entry.attributes?.labelTranslationEn_unofficial ?? entry.attributes?.name;
  return { label: typeof recorded === 'string' ? recorded : null, labelIsOfficial: false };
}
