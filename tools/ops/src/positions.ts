/**
 * How records and points on the log are named on the command line, kcat-like: a record is
 * `topic:partition:offset`; a position is an offset (digits) or a time (ISO 8601, or `@` and epoch
 * milliseconds as kcat's `s@`).
 */
import { UsageError } from './errors';

export interface Coordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type Position = { readonly kind: 'offset'; readonly offset: string } | { readonly kind: 'time'; readonly time: Date };

/** Kafka topic names: letters, digits, `.`, `_`, `-` (so never a `:`). */
const COORDINATES = /^([A-Za-z0-9._-]{1,249}):([0-9]{1,10}):([0-9]{1,19})$/;

export function parseCoordinates(text: string): Coordinates {
  const match = COORDINATES.exec(text.trim());
  if (!match) throw new UsageError(`"${text}" is not topic:partition:offset`);
  return { topic: match[1], partition: Number(match[2]), offset: match[3] };
}

export function formatCoordinates(c: Coordinates): string {
  return `${c.topic}:${c.partition}:${c.offset}`;
}

export function parsePosition(text: string): Position {
  if (/^[0-9]{1,19}$/.test(text.trim())) return { kind: 'offset', offset: text.trim() };
  return { kind: 'time', time: parseTime(text) };
}

/** An instant: `2026-03-01T10:00:00Z`, a date (its UTC midnight) or `@1767225600000`. */
export function parseTime(text: string): Date {
  const trimmed = text.trim();
  if (/^@[0-9]{1,15}$/.test(trimmed)) return new Date(Number(trimmed.slice(1)));
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?$/.test(trimmed)) {
    const time = new Date(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
    if (!Number.isNaN(time.getTime())) return time;
  }
  throw new UsageError(`"${text}" is not a time (ISO 8601 such as 2026-03-01T10:00:00Z, a date, or @<epoch ms>)`);
}

/** A calendar day, YYYY-MM-DD, that exists. */
export function parseDay(text: string): string {
  const trimmed = text.trim();
  const time = new Date(`${trimmed}T00:00:00Z`);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(trimmed) || Number.isNaN(time.getTime()) || time.toISOString().slice(0, 10) !== trimmed) {
    throw new UsageError(`"${text}" is not a day (YYYY-MM-DD)`);
  }
  return trimmed;
}
