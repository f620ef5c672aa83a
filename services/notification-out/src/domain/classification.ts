/**
 * UK offence and disposal codes -> ECRIS common categories (Annex A offences, Annex B penalties), from
 * the data tables in services/notification-out/data plus the operators' decisions. Pure: the tables
 * come in as data.
 *
 * Offences: an exact category; else the group's open category `GG00 00` (ecris.md §4: "used when no
 * sub-category fits"); else unknown - a person must classify it, we never guess a group.
 * Sentences: an exact category, else unknown: Annex B has no documented open category to fall back to.
 */
import type { CourtConviction } from '@ecris/contracts';
import type { CategoryDecision } from './model';

export interface OffenceEntry {
  readonly ukOffenceCode: string;
  readonly statute?: string;
  readonly title?: string;
  /** `NNNN NN`: the sub-category that fits. */
  readonly category?: string;
  /** `GG`: only the group is known, no sub-category fits. */
  readonly group?: string;
}

export interface ActGroup {
  /** The act part of a CJS offence code: two letters and the act's year, e.g. `TA00`. */
  readonly codePrefix: string;
  readonly group: string;
}

export interface OffenceTable {
  readonly offences: readonly OffenceEntry[];
  readonly actGroups: readonly ActGroup[];
}

export interface SentenceEntry {
  readonly disposalCode: string;
  /** `NNNN` (Annex B codes are 4 or 5 digits). */
  readonly category: string;
  readonly natureRef: string;
  readonly specificToMinor: boolean;
}

export interface SentenceTable {
  readonly sentences: readonly SentenceEntry[];
}

export const OFFENCE_CATEGORY = /^(?!00)[0-9]{4} [0-9]{2}$/;
export const OFFENCE_GROUP = /^(?!00)[0-9]{2}$/;
export const SENTENCE_CATEGORY = /^[0-9]{4,5}$/;

/** Only nature value observed (reference-data sanction-natures); used for operator-classified sentences. */
export const DEFAULT_NATURE_REF = 'N-00-0';

export type OffenceClassification =
  | { readonly outcome: 'category'; readonly code: string; readonly basis: 'table' | 'operator' }
  | { readonly outcome: 'open-category'; readonly code: string; readonly basis: 'table-group' | 'act-group' }
  | { readonly outcome: 'unknown' };

export type SentenceClassification =
  | {
      readonly outcome: 'category';
      readonly code: string;
      readonly natureRef: string;
      readonly specificToMinor: boolean;
      readonly basis: 'table' | 'operator';
    }
  | { readonly outcome: 'unknown' };

/** The open category of an Annex A group: `04` -> `0400 00`. */
export function openCategoryOf(group: string): string {
  return `${group}00 00`;
}

/** Technical reference of an Annex A category: `0202 00` -> `O-00-020200`. */
export function offenceCategoryRef(code: string): string {
  return `O-00-${code.replace(' ', '')}`;
}

/** Technical reference of an Annex B category: `1001` -> `S-00-001001` (zero-padded to six digits). */
export function sentenceCategoryRef(code: string): string {
  return `S-00-${code.padStart(6, '0')}`;
}

const norm = (code: string) => code.trim().toUpperCase();

const decisionKey = (scheme: CategoryDecision['scheme'], code: string) => `${scheme}:${norm(code)}`;

export class Classifier {
  private constructor(
    private readonly offences: ReadonlyMap<string, OffenceEntry>,
    private readonly acts: ReadonlyMap<string, string>,
    private readonly sentences: ReadonlyMap<string, SentenceEntry>,
    private readonly decided: ReadonlyMap<string, CategoryDecision>,
  ) {}

  /** Checks the tables and indexes them; throws with every problem found. */
  static fromTables(offenceTable: OffenceTable, sentenceTable: SentenceTable): Classifier {
    const problems = tableProblems(offenceTable, sentenceTable);
    if (problems.length > 0) throw new Error(`classification tables refused:\n  ${problems.join('\n  ')}`);
    return new Classifier(
      new Map(offenceTable.offences.map((entry) => [norm(entry.ukOffenceCode), entry])),
      new Map(offenceTable.actGroups.map((act) => [norm(act.codePrefix), act.group])),
      new Map(sentenceTable.sentences.map((entry) => [norm(entry.disposalCode), entry])),
      new Map(),
    );
  }

  /** The same tables with operators' decisions on top: a decision is the newest word on a code. */
  withDecisions(decisions: readonly CategoryDecision[]): Classifier {
    // Most convictions' codes are all in the tables: no decisions, nothing to copy (this runs per record).
    if (decisions.length === 0) return this;
    const decided = new Map(this.decided);
    for (const decision of decisions) decided.set(decisionKey(decision.scheme, decision.nationalCode), decision);
    return new Classifier(this.offences, this.acts, this.sentences, decided);
  }

  offence(ukOffenceCode: string): OffenceClassification {
    const code = norm(ukOffenceCode);
    const decision = this.decided.get(decisionKey('offence', code));
    if (decision) return { outcome: 'category', code: decision.category, basis: 'operator' };
    const entry = this.offences.get(code);
    if (entry?.category) return { outcome: 'category', code: entry.category, basis: 'table' };
    if (entry?.group) return { outcome: 'open-category', code: openCategoryOf(entry.group), basis: 'table-group' };
    const actGroup = this.acts.get(code.slice(0, 4));
    if (actGroup) return { outcome: 'open-category', code: openCategoryOf(actGroup), basis: 'act-group' };
    return { outcome: 'unknown' };
  }

  sentence(disposalCode: string): SentenceClassification {
    const code = norm(disposalCode);
    const decision = this.decided.get(decisionKey('sentence', code));
    if (decision) {
      // An operator names the category only; nature and the minors flag keep what the table says, if anything.
      const entry = this.sentences.get(code);
      return {
        outcome: 'category',
        code: decision.category,
        natureRef: entry?.natureRef ?? DEFAULT_NATURE_REF,
        specificToMinor: entry?.specificToMinor ?? false,
        basis: 'operator',
      };
    }
    const entry = this.sentences.get(code);
    if (!entry) return { outcome: 'unknown' };
    return { outcome: 'category', code: entry.category, natureRef: entry.natureRef, specificToMinor: entry.specificToMinor, basis: 'table' };
  }
}

/** What is wrong with the tables; empty when they can be used. */
export function tableProblems(offenceTable: OffenceTable, sentenceTable: SentenceTable): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of offenceTable.offences ?? []) {
    const code = norm(entry.ukOffenceCode ?? '');
    if (code === '') problems.push('an offence entry has no ukOffenceCode');
    if (seen.has(code)) problems.push(`offence ${code} is listed twice`);
    seen.add(code);
    const hasCategory = entry.category !== undefined;
    if (hasCategory === (entry.group !== undefined)) problems.push(`offence ${code}: give exactly one of category and group`);
    if (hasCategory && !OFFENCE_CATEGORY.test(entry.category!)) problems.push(`offence ${code}: category must be NNNN NN (groups from 01)`);
    if (entry.group !== undefined && !OFFENCE_GROUP.test(entry.group)) problems.push(`offence ${code}: group must be two digits from 01`);
  }
  for (const act of offenceTable.actGroups ?? []) {
    if (!/^[A-Z]{2}[0-9]{2}$/.test(norm(act.codePrefix ?? ''))) problems.push(`act prefix "${act.codePrefix}" is not two letters and two digits`);
    if (!OFFENCE_GROUP.test(act.group ?? '')) problems.push(`act ${act.codePrefix}: group must be two digits from 01`);
  }
  const seenSentences = new Set<string>();
  for (const entry of sentenceTable.sentences ?? []) {
    const code = norm(entry.disposalCode ?? '');
    if (code === '') problems.push('a sentence entry has no disposalCode');
    if (seenSentences.has(code)) problems.push(`disposal ${code} is listed twice`);
    seenSentences.add(code);
    if (!SENTENCE_CATEGORY.test(entry.category ?? '')) problems.push(`disposal ${code}: category must be 4 or 5 digits`);
    if (!/^N-[0-9]{2}-[0A-Z]$/.test(entry.natureRef ?? '')) problems.push(`disposal ${code}: natureRef must be N-NN-X`);
    if (typeof entry.specificToMinor !== 'boolean') problems.push(`disposal ${code}: specificToMinor must be true or false`);
  }
  return problems;
}

/** The UK codes of these convictions whose operators' decisions a classification may need, normalised as the tables are. */
export function categoryCodesOf(convictions: readonly (CourtConviction | null)[]): { offenceCodes: string[]; disposalCodes: string[] } {
  const held = convictions.filter((conviction): conviction is CourtConviction => conviction !== null);
  return {
    offenceCodes: [...new Set(held.flatMap((c) => c.offences.map((o) => norm(o.ukOffenceCode))))],
    disposalCodes: [...new Set(held.flatMap((c) => c.sentences.map((s) => norm(s.disposalCode))))],
  };
}
