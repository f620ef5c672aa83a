import type { IsoDate } from '@ecris/deadlines';
import type { HeldConviction, HeldSanction, PartialBirthDate } from './held-conviction';
import { addPeriod, approximateMonths, parseDuration, type DatePeriod } from './iso-duration';
import periods from './rules/rehabilitation-periods.json';

/** When a conviction becomes spent: on a date, never, or we cannot tell from what the register holds. */
export type SpentFrom = { readonly kind: 'on'; readonly date: IsoDate } | { readonly kind: 'never' } | { readonly kind: 'undetermined' };

export type SpentStatus = 'spent' | 'unspent' | 'undetermined';

interface AgedPeriod {
  readonly adult: string | null;
  readonly youth: string | null;
  readonly from: 'end-of-sentence' | 'conviction' | 'never' | 'undetermined';
}

export interface RehabilitationTable {
  readonly custody: readonly (AgedPeriod & { readonly upToMonths: number | null })[];
  readonly community: AgedPeriod;
  readonly fine: AgedPeriod;
  readonly conditionalDischarge: AgedPeriod;
  readonly absoluteDischarge: AgedPeriod;
  readonly laterConvictionsExtend: boolean;
}

export const REHABILITATION_PERIODS = periods as unknown as RehabilitationTable;

const NEVER: SpentFrom = { kind: 'never' };
const UNDETERMINED: SpentFrom = { kind: 'undetermined' };

/** Under 18 on the conviction date for certain: with a partial birth date, the earliest birthday counts. */
export function wasYouth(birthDate: PartialBirthDate, convictionDate: IsoDate): boolean {
  const month = birthDate.month ?? 1;
  const day = birthDate.month === null ? 1 : (birthDate.day ?? 1);
  const eighteenth = `${String(birthDate.year + 18).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return convictionDate < eighteenth;
}

function later(a: SpentFrom, b: SpentFrom): SpentFrom {
  // Never is certain and outranks everything; then one sanction we cannot read makes the whole unknown.
  if (a.kind === 'never' || b.kind === 'never') return NEVER;
  if (a.kind === 'undetermined' || b.kind === 'undetermined') return UNDETERMINED;
  return a.date >= b.date ? a : b;
}

function apply(rule: AgedPeriod, youth: boolean, convictionDate: IsoDate, sentenceEnd: IsoDate | undefined): SpentFrom {
  if (rule.from === 'never') return NEVER;
  if (rule.from === 'undetermined') return UNDETERMINED;
  const text = youth ? rule.youth : rule.adult;
  const period = parseDuration(text);
  if (!period) return UNDETERMINED;
  const start = rule.from === 'conviction' ? convictionDate : sentenceEnd;
  return start ? { kind: 'on', date: addPeriod(start, period) } : UNDETERMINED;
}

function endOf(start: IsoDate, ...lengths: (DatePeriod | undefined)[]): IsoDate | undefined {
  const ends = lengths.filter((p): p is DatePeriod => p !== undefined).map((p) => addPeriod(start, p));
  return ends.length === 0 ? undefined : ends.sort().at(-1);
}

function sanctionSpentFrom(sanction: HeldSanction, convictionDate: IsoDate, youth: boolean, table: RehabilitationTable): SpentFrom {
  const start = sanction.startDate ?? convictionDate;
  const term = parseDuration(sanction.duration);
  switch (sanction.kind) {
    case 'CUSTODY':
    case 'SUSPENDED_CUSTODY': {
      if (!term) return UNDETERMINED;
      const months = approximateMonths(term);
      const band = table.custody.find((row) => row.upToMonths === null || months <= row.upToMonths);
      if (!band) return UNDETERMINED;
      const operational = sanction.kind === 'SUSPENDED_CUSTODY' ? parseDuration(sanction.suspendedFor) : undefined;
      const computedEnd = endOf(start, term, operational);
      const end = sanction.endDate && computedEnd && sanction.endDate > computedEnd ? sanction.endDate : computedEnd;
      return apply(band, youth, convictionDate, end);
    }
    case 'COMMUNITY':
      return apply(table.community, youth, convictionDate, sanction.endDate ?? endOf(start, term));
    case 'FINE':
      return apply(table.fine, youth, convictionDate, undefined);
    case 'DISCHARGE':
      return term || sanction.endDate
        ? apply(table.conditionalDischarge, youth, convictionDate, sanction.endDate ?? endOf(start, term))
        : apply(table.absoluteDischarge, youth, convictionDate, undefined);
    default:
      return UNDETERMINED;
  }
}

/** The date one conviction becomes spent on its own (the longest of its sanctions). */
export function ownSpentFrom(conviction: HeldConviction, birthDate: PartialBirthDate, table = REHABILITATION_PERIODS): SpentFrom {
  if (conviction.sanctions.length === 0) return UNDETERMINED;
  const youth = wasYouth(birthDate, conviction.convictionDate);
  return conviction.sanctions
    .map((sanction) => sanctionSpentFrom(sanction, conviction.convictionDate, youth, table))
    .reduce(later);
}

/**
 * When each of a person's convictions becomes spent. A conviction during another's rehabilitation
 * period keeps that one unspent until the later one is spent too (ROA 1974 s.6(4), simplified: every
 * later conviction counts). Deleted convictions play no part.
 */
export function spentFromAll(
  convictions: readonly HeldConviction[],
  birthDate: PartialBirthDate,
  table = REHABILITATION_PERIODS,
): Map<string, SpentFrom> {
  const live = convictions.filter((c) => !c.deleted).sort((a, b) => (a.convictionDate < b.convictionDate ? -1 : 1));
  const result = new Map<string, SpentFrom>();
  for (let i = live.length - 1; i >= 0; i -= 1) {
    const conviction = live[i]!;
    let spent = ownSpentFrom(conviction, birthDate, table);
    if (table.laterConvictionsExtend) {
      for (const laterOne of live.slice(i + 1)) {
        const stillRunning = spent.kind !== 'on' || laterOne.convictionDate < spent.date;
        if (stillRunning && laterOne.convictionDate > conviction.convictionDate) spent = later(spent, result.get(laterOne.convictionId)!);
      }
    }
    result.set(conviction.convictionId, spent);
  }
  return result;
}

export function spentStatusOn(spentFrom: SpentFrom, today: IsoDate): SpentStatus {
  if (spentFrom.kind === 'never') return 'unspent';
  if (spentFrom.kind === 'undetermined') return 'undetermined';
  return spentFrom.date <= today ? 'spent' : 'unspent';
}
