export type { IsoDate } from './iso-date';
export { addCalendarDays, calendarDaysBetween, dayOfWeek, isIsoDate, ukDateOf } from './iso-date';
export { easterSunday, goodFriday } from './easter';
export type { CalendarDefinition, Holiday, NonWorkingReason, UkJurisdiction, WorkingDayCalendar } from './calendar';
export { CalendarOutOfRangeError, calendarFrom, UK_BANK_HOLIDAYS_SOURCE, UK_JURISDICTIONS, ukBankHolidays, ukCalendar } from './calendar';
export { addWorkingDays, lastOfWorkingDaysBeginningWith, nextWorkingDayOnOrAfter, workingDaysBetween } from './working-days';
export type {
  Deadline,
  DeadlineDirection,
  DeadlineRule,
  DeadlineRuleKey,
  LegalBasis,
  PeriodCounting,
  PeriodUnit,
  RequestPurpose,
} from './rules';
export {
  calendarOf,
  daysLeft,
  DEADLINE_DIRECTIONS,
  deadlineFor,
  DeadlineRules,
  DEFAULT_DEADLINE_RULES,
  InvalidDeadlineRulesError,
  isOverdue,
  LEGAL_BASES,
  NoDeadlineRuleError,
  parseDeadlineRules,
  REQUEST_PURPOSES,
} from './rules';
