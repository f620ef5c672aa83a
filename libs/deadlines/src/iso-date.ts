/**
 * Calendar dates as 'YYYY-MM-DD' strings. Day arithmetic runs on UTC midnights, so no local
 * time zone or daylight-saving change can shift a date by one.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

export function assertIsoDate(value: string, what = 'date'): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a real calendar date 'YYYY-MM-DD', got '${value}'`);
  return value;
}

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = assertIsoDate(date).split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(assertIsoDate(date).slice(0, 4));
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The UK calendar date of an instant ("the day of receipt"). All three UK jurisdictions share the
 * Europe/London clock, so a REQ received at 23:30 UTC on 30 June counts as received on 1 July (BST).
 * A bare 'YYYY-MM-DD' is taken as already being a UK date.
 */
export function ukDateOf(instant: string | Date): IsoDate {
  if (typeof instant === 'string' && isIsoDate(instant)) return instant;
  const hour = typeof instant === 'string' ? utcHourOf(instant) : undefined;
  if (hour === undefined) return londonDateOf(instant);
  let date = ukDateByUtcHour.get(hour);
  if (date === undefined) {
    if (ukDateByUtcHour.size >= 10_000) ukDateByUtcHour.clear();
    date = londonDateOf(instant);
    ukDateByUtcHour.set(hour, date);
  }
  return date;
}

/**
 * London is a whole number of hours from UTC and changes offset on the hour, so every instant of one
 * UTC hour has the same UK date: remembered by hour, as formatting with Intl costs tens of microseconds.
 */
const ukDateByUtcHour = new Map<string, IsoDate>();
const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}):\d{2}(:\d{2}(\.\d+)?)?Z$/;

function utcHourOf(instant: string): string | undefined {
  return UTC_INSTANT.exec(instant)?.[1];
}

function londonDateOf(instant: string | Date): IsoDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: '${String(instant)}'`);
  // en-CA formats as YYYY-MM-DD.
  return londonDate.format(date);
}
