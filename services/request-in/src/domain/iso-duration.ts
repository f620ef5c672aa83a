import { addCalendarDays, type IsoDate } from '@ecris/deadlines';

/** The date part of an ISO 8601 duration (ECRIS xsd:duration): years, months, weeks, days. */
export interface DatePeriod {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses `P1Y6M`, `P18M`, `P2W`, `P30D`. A time part (hours and less) is rounded up to whole days: a
 * sentence of hours still lasts into the next day. Returns undefined for anything else.
 */
export function parseDuration(text: string | null | undefined): DatePeriod | undefined {
  if (!text || text === 'P' || text.endsWith('T')) return undefined;
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, y, m, w, d, h, min, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const timeDays = h! + min! + s! > 0 ? 1 : 0;
  return { years: y!, months: m!, days: w! * 7 + d! + timeDays };
}

/** `date` plus a period; a month end is clamped (31 January + 1 month = 28 or 29 February). */
export function addPeriod(date: IsoDate, period: DatePeriod): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const totalMonths = year * 12 + (month - 1) + period.years * 12 + period.months;
  const newYear = Math.floor(totalMonths / 12);
  const newMonth = (totalMonths % 12) + 1;
  const lastDay = new Date(Date.UTC(newYear, newMonth, 0)).getUTCDate();
  const clamped = `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return addCalendarDays(clamped, period.days);
}

/** Whole months of a period, counting a day period as part of a month (for the custody bands). */
export function approximateMonths(period: DatePeriod): number {
  return period.years * 12 + period.months + period.days / 30.4375;
}
