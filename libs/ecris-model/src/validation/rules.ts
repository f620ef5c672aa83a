/** The checks every ECRIS element is built from: text lengths, formats, numbers, dates. */
import type { NameText, PartialDate, TextRepresentation } from '@ecris/contracts';
import { at, type Failures } from './functional-errors';
import { FORMATS, type FormatName } from './formats';

/** ECRIS commons:StringType: at least one non-space character, and never `<` or `>`. */
export function text(f: Failures, path: string, value: string | null, max: number, options: { min?: number } = {}): void {
  if (value === null) return;
  if (value.trim() === '') {
    f.add(path, 'MISSING', 'must not be empty');
  } else if (value.length > max || value.length < (options.min ?? 1)) {
    f.add(path, 'TOO_LONG', options.min ? `must be ${options.min} to ${max} characters` : `must be at most ${max} characters`);
  } else if (/[<>]/.test(value)) {
    f.add(path, 'NOT_ALLOWED', 'must not contain < or >');
  }
}

export function present<T>(f: Failures, path: string, value: T | null): value is T {
  if (value === null) f.add(path, 'MISSING', 'is mandatory');
  return value !== null;
}

export function matches(f: Failures, path: string, value: string | null, name: FormatName): boolean {
  if (value === null) return true;
  if (FORMATS[name].pattern.test(value)) return true;
  f.add(path, 'BAD_FORMAT', `must be ${FORMATS[name].description}`);
  return false;
}

export function inRange(f: Failures, path: string, value: number | null, min: number, max: number): void {
  if (value !== null && !(Number.isInteger(value) && value >= min && value <= max)) {
    f.add(path, 'OUT_OF_RANGE', `must be a whole number from ${min} to ${max}`);
  }
}

export function notEmpty(f: Failures, path: string, items: readonly unknown[]): boolean {
  if (items.length === 0) f.add(path, 'MISSING', 'needs at least one entry');
  return items.length > 0;
}

/** ECRIS multilingual text: each representation's language and length; at least one when mandatory. */
export function multilingual(f: Failures, path: string, value: readonly TextRepresentation[], max: number, mandatory: boolean): void {
  if (mandatory) notEmpty(f, path, value);
  for (let i = 0; i < value.length; i++) {
    matches(f, at(path, i, 'lang'), value[i]!.lang, 'language');
    text(f, at(path, i, 'text'), value[i]!.text, max);
  }
}

export function nameText(f: Failures, path: string, value: NameText | null, max = 200): void {
  if (value === null) return;
  matches(f, at(path, 'lang'), value.lang, 'language');
  text(f, at(path, 'text'), value.text, max);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ECRIS commons:DateType: year mandatory, then month, then day; each must exist in the calendar. */
export function partialDate(f: Failures, path: string, value: PartialDate | null): boolean {
  if (value === null) return true;
  const { year, month, day } = value;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    f.add(at(path, 'year'), 'BAD_DATE', 'must be a four-digit year');
    return false;
  }
  if (month !== null && !(Number.isInteger(month) && month >= 1 && month <= 12)) {
    f.add(at(path, 'month'), 'BAD_DATE', 'must be a month from 1 to 12');
    return false;
  }
  if (day !== null) {
    if (month === null) {
      f.add(at(path, 'day'), 'BAD_DATE', 'a day needs a month');
      return false;
    }
    if (!(Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month))) {
      f.add(at(path, 'day'), 'BAD_DATE', 'is not a day of that month');
      return false;
    }
  }
  return true;
}

const FULL_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** ECRIS commons:StrictDateType: a full calendar date; partial dates are refused here. */
export function fullDate(f: Failures, path: string, value: string | null): boolean {
  if (value === null) return true;
  const match = FULL_DATE.exec(value);
  const valid =
    match !== null &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]));
  if (!valid) f.add(path, 'BAD_DATE', 'must be a full date YYYY-MM-DD (ECRIS allows no partial date here)');
  return valid;
}

const DATE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

export function dateTime(f: Failures, path: string, value: string | null): void {
  if (value !== null && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) {
    f.add(path, 'BAD_DATE', 'must be an ISO 8601 date-time');
  }
}

/** Compares two partial dates as far as both are known: -1, 0 (equal or not comparable) or 1. */
export function comparePartial(a: PartialDate, b: PartialDate): number {
  const pairs: [number | null, number | null][] = [
    [a.year, b.year],
    [a.month, b.month],
    [a.day, b.day],
  ];
  for (const [x, y] of pairs) {
    if (x === null || y === null) return 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Flags `laterPath` when a known later date is before a known earlier one. */
export function notBefore(f: Failures, laterPath: string, earlier: string | PartialDate | null, later: string | PartialDate | null, what: string): void {
  if (earlier === null || later === null) return;
  const order =
    typeof earlier === 'string' && typeof later === 'string'
      ? earlier.localeCompare(later)
      : comparePartial(asPartial(earlier), asPartial(later));
  if (order > 0) f.add(laterPath, 'DATE_ORDER', `must not be before ${what}`);
}

function asPartial(value: string | PartialDate): PartialDate {
  if (typeof value !== 'string') return value;
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}
