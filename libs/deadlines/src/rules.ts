import { UK_JURISDICTIONS, ukCalendar, type UkJurisdiction, type WorkingDayCalendar } from './calendar';
import { addCalendarDays, calendarDaysBetween, ukDateOf, type IsoDate } from './iso-date';
import { addWorkingDays, lastOfWorkingDaysBeginningWith, workingDaysBetween } from './working-days';
import shippedRules from './data/deadline-rules.json';

/** Whose clock: we answer a request, we sent one, we notify a conviction. */
export type DeadlineDirection = 'request-in' | 'request-out' | 'notification-out';
export const DEADLINE_DIRECTIONS: readonly DeadlineDirection[] = ['request-in', 'request-out', 'notification-out'];

/**
 * Purpose classes of a request (R10, R19, R20). ECRIS carries a purpose category reference (P-..)
 * whose official values were not found (ecris.md §7): each service maps P-codes onto these classes
 * in its own configuration.
 */
export type RequestPurpose =
  | 'criminal-proceedings'
  | 'criminal-investigation'
  | 'work-with-children'
  | 'other-lawful-purpose'
  | 'own-record';
export const REQUEST_PURPOSES: readonly RequestPurpose[] = [
  'criminal-proceedings',
  'criminal-investigation',
  'work-with-children',
  'other-lawful-purpose',
  'own-record',
];

/** tca: EU-UK Trade and Cooperation Agreement via FRA 2020 (the UK today); framework-decision: FD 2009/315 (intra-EU). */
export type LegalBasis = 'tca' | 'framework-decision';
export const LEGAL_BASES: readonly LegalBasis[] = ['tca', 'framework-decision'];

export type PeriodUnit = 'working-days' | 'calendar-days';
/** 'beginning-with-start-day': the start day is day 1 (FRA wording); 'after-start-day': day 1 is the next day. */
export type PeriodCounting = 'beginning-with-start-day' | 'after-start-day';

export interface DeadlineRuleKey {
  readonly direction: DeadlineDirection;
  /** Absent for directions where purpose plays no part (notification-out). */
  readonly purpose?: RequestPurpose;
  readonly legalBasis: LegalBasis;
  /** The other state's ECRIS wire code (DE, FR, GR...), for per-state overrides. */
  readonly state?: string;
}

export interface DeadlineRule {
  readonly id: string;
  readonly direction: DeadlineDirection;
  readonly purpose: RequestPurpose | '*';
  readonly legalBasis: LegalBasis | '*';
  readonly state: string | '*';
  readonly period: number;
  readonly unit: PeriodUnit;
  readonly counting: PeriodCounting;
  /** Which UK calendar counts the working days. */
  readonly calendar: UkJurisdiction;
  readonly source: string;
}

export interface Deadline {
  /** The UK date the clock started (the day of receipt, of sending, of recording). */
  readonly startDate: IsoDate;
  /** The last day on which the action is still in time. */
  readonly dueDate: IsoDate;
  readonly rule: DeadlineRule;
}

export class NoDeadlineRuleError extends Error {
  constructor(readonly key: DeadlineRuleKey) {
    super(`no deadline rule for ${describeKey(key)}`);
    this.name = 'NoDeadlineRuleError';
  }
}

export class InvalidDeadlineRulesError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid deadline rules: ${problems.join('; ')}`);
    this.name = 'InvalidDeadlineRulesError';
  }
}

function describeKey(key: DeadlineRuleKey): string {
  return `${key.direction} / ${key.purpose ?? '-'} / ${key.legalBasis} / ${key.state ?? '-'}`;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown, wildcard: boolean): value is T =>
  (wildcard && value === '*') || (typeof value === 'string' && (values as readonly string[]).includes(value));

/** Checks rows from JSON (the shipped file or an operator's override) and returns them typed. */
export function parseDeadlineRules(rows: unknown): DeadlineRule[] {
  if (!Array.isArray(rows)) throw new InvalidDeadlineRulesError(['rules must be an array']);
  const problems: string[] = [];
  rows.forEach((row: Record<string, unknown>, index) => {
    const at = `rule ${index} (${String(row?.['id'])})`;
    if (typeof row !== 'object' || row === null) return void problems.push(`${at}: not an object`);
    if (typeof row['id'] !== 'string' || row['id'] === '') problems.push(`${at}: id must be a non-empty string`);
    if (!oneOf(DEADLINE_DIRECTIONS, row['direction'], false)) problems.push(`${at}: unknown direction`);
    if (!oneOf(REQUEST_PURPOSES, row['purpose'], true)) problems.push(`${at}: unknown purpose`);
    if (!oneOf(LEGAL_BASES, row['legalBasis'], true)) problems.push(`${at}: unknown legalBasis`);
    if (typeof row['state'] !== 'string' || !/^(\*|[A-Z]{2})$/.test(row['state'])) problems.push(`${at}: state must be '*' or a wire code`);
    if (!Number.isInteger(row['period']) || (row['period'] as number) < 1) problems.push(`${at}: period must be a whole number >= 1`);
    if (!oneOf(['working-days', 'calendar-days'] as const, row['unit'], false)) problems.push(`${at}: unknown unit`);
    if (!oneOf(['beginning-with-start-day', 'after-start-day'] as const, row['counting'], false)) problems.push(`${at}: unknown counting`);
    if (!oneOf(UK_JURISDICTIONS, row['calendar'], false)) problems.push(`${at}: unknown calendar`);
    if (typeof row['source'] !== 'string' || row['source'] === '') problems.push(`${at}: say where the rule comes from (source)`);
  });
  const seen = new Map<string, string>();
  for (const row of rows as DeadlineRule[]) {
    const pattern = [row.direction, row.purpose, row.legalBasis, row.state].join(' / ');
    const other = seen.get(pattern);
    if (other) problems.push(`rules '${other}' and '${row.id}' match exactly the same requests (${pattern})`);
    seen.set(pattern, row.id);
  }
  if (new Set(rows.map((row: DeadlineRule) => row.id)).size !== rows.length) problems.push('rule ids must be unique');
  if (problems.length > 0) throw new InvalidDeadlineRulesError(problems);
  return (rows as DeadlineRule[]).map((row) => ({ ...row }));
}

/** Exact matches weigh state 4, purpose 2, legal basis 1: each wildcard pattern has its own score, so no ties. */
function specificity(rule: DeadlineRule): number {
  return (rule.state === '*' ? 0 : 4) + (rule.purpose === '*' ? 0 : 2) + (rule.legalBasis === '*' ? 0 : 1);
}

function matches(rule: DeadlineRule, key: DeadlineRuleKey): boolean {
  return (
    rule.direction === key.direction &&
    (rule.purpose === '*' || rule.purpose === key.purpose) &&
    (rule.legalBasis === '*' || rule.legalBasis === key.legalBasis) &&
    (rule.state === '*' || rule.state === key.state)
  );
}

export class DeadlineRules {
  readonly rules: readonly DeadlineRule[];

  constructor(rules: readonly DeadlineRule[]) {
    this.rules = parseDeadlineRules(rules);
  }

  /** This table with `overrides` added; an override with the same pattern as a row replaces that row. */
  withOverrides(overrides: readonly DeadlineRule[]): DeadlineRules {
    const patternOf = (r: DeadlineRule) => [r.direction, r.purpose, r.legalBasis, r.state].join(' / ');
    const replaced = new Set(overrides.map(patternOf));
    return new DeadlineRules([...this.rules.filter((rule) => !replaced.has(patternOf(rule))), ...overrides]);
  }

  ruleFor(key: DeadlineRuleKey): DeadlineRule {
    let best: DeadlineRule | undefined;
    for (const rule of this.rules) {
      if (matches(rule, key) && (!best || specificity(rule) > specificity(best))) best = rule;
    }
    if (!best) throw new NoDeadlineRuleError(key);
    return best;
  }

  /** The deadline for what was received (sent, recorded) at `startedAt`: an instant, or a UK date 'YYYY-MM-DD'. */
  deadlineFor(key: DeadlineRuleKey, startedAt: string | Date): Deadline {
    const rule = this.ruleFor(key);
    const startDate = ukDateOf(startedAt);
    return { startDate, dueDate: dueDateOf(rule, startDate), rule };
  }
}

function dueDateOf(rule: DeadlineRule, start: IsoDate): IsoDate {
  if (rule.unit === 'calendar-days') {
    return addCalendarDays(start, rule.counting === 'beginning-with-start-day' ? rule.period - 1 : rule.period);
  }
  const calendar = ukCalendar(rule.calendar);
  return rule.counting === 'beginning-with-start-day'
    ? lastOfWorkingDaysBeginningWith(start, rule.period, calendar)
    : addWorkingDays(start, rule.period, calendar);
}

/**
 * Days left on `today` in the deadline's own unit: 0 on the due date, negative once overdue
 * (working days of the rule's calendar, or calendar days).
 */
export function daysLeft(deadline: Deadline, today: IsoDate): number {
  if (deadline.rule.unit === 'calendar-days') return calendarDaysBetween(today, deadline.dueDate);
  return workingDaysBetween(today, deadline.dueDate, ukCalendar(deadline.rule.calendar));
}

export function isOverdue(deadline: Deadline, today: IsoDate): boolean {
  return today > deadline.dueDate;
}

export function calendarOf(rule: DeadlineRule): WorkingDayCalendar {
  return ukCalendar(rule.calendar);
}

/** The shipped table (src/data/deadline-rules.json). */
export const DEFAULT_DEADLINE_RULES = new DeadlineRules(parseDeadlineRules(shippedRules.rules));

/** deadlineFor on the shipped table. */
export function deadlineFor(key: DeadlineRuleKey, startedAt: string | Date): Deadline {
  return DEFAULT_DEADLINE_RULES.deadlineFor(key, startedAt);
}
