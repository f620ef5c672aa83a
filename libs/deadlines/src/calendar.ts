import { goodFriday } from './easter';
import { assertIsoDate, dayOfWeek, yearOf, type IsoDate } from './iso-date';
import bankHolidayData from './data/uk-bank-holidays.json';

export type UkJurisdiction = 'england-and-wales' | 'scotland' | 'northern-ireland';
export const UK_JURISDICTIONS: readonly UkJurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export interface Holiday {
  readonly date: IsoDate;
  readonly title: string;
}

/** Why a day is not a working day, or null when it is one. */
export type NonWorkingReason = 'saturday' | 'sunday' | 'christmas-day' | 'good-friday' | 'bank-holiday';

export interface WorkingDayCalendar {
  readonly id: string;
  /** First and last year whose holidays this calendar knows; outside them it throws rather than guess. */
  readonly coveredYears: { readonly from: number; readonly to: number };
  isWorkingDay(date: IsoDate): boolean;
  nonWorkingReason(date: IsoDate): NonWorkingReason | null;
}

/** A date outside the years a calendar's holiday table covers: refresh the table (see README). */
export class CalendarOutOfRangeError extends RangeError {
  constructor(
    readonly calendarId: string,
    readonly date: IsoDate,
    readonly coveredYears: { from: number; to: number },
  ) {
    super(
      `calendar '${calendarId}' has bank holidays for ${coveredYears.from}-${coveredYears.to} only, not ${date}: ` +
        `refresh libs/deadlines/src/data/uk-bank-holidays.json`,
    );
    this.name = 'CalendarOutOfRangeError';
  }
}

export interface CalendarDefinition {
  readonly id: string;
  readonly coveredYears: { readonly from: number; readonly to: number };
  readonly holidays: readonly Holiday[];
}

/**
 * Weekends, Christmas Day and Good Friday (computed, so a gap in the table cannot make them working
 * days), plus the table's bank holidays.
 */
export function calendarFrom(definition: CalendarDefinition): WorkingDayCalendar {
  const { id, coveredYears } = definition;
  if (!(Number.isInteger(coveredYears.from) && Number.isInteger(coveredYears.to) && coveredYears.from <= coveredYears.to)) {
    throw new RangeError(`calendar '${id}': coveredYears must be whole years, from <= to`);
  }
  const holidays = new Map<IsoDate, string>();
  for (const holiday of definition.holidays) {
    const year = yearOf(assertIsoDate(holiday.date, `calendar '${id}' holiday`));
    if (year < coveredYears.from || year > coveredYears.to) {
      throw new RangeError(`calendar '${id}': holiday ${holiday.date} lies outside its covered years`);
    }
    holidays.set(holiday.date, holiday.title);
  }
  const goodFridays = new Map<number, IsoDate>();

  function nonWorkingReason(date: IsoDate): NonWorkingReason | null {
    const year = yearOf(date);
    if (year < coveredYears.from || year > coveredYears.to) throw new CalendarOutOfRangeError(id, date, coveredYears);
    const weekday = dayOfWeek(date);
    if (weekday === 6) return 'saturday';
    if (weekday === 0) return 'sunday';
    if (date.endsWith('-12-25')) return 'christmas-day';
    let friday = goodFridays.get(year);
    if (!friday) goodFridays.set(year, (friday = goodFriday(year)));
    if (date === friday) return 'good-friday';
    return holidays.has(date) ? 'bank-holiday' : null;
  }

  return {
    id,
    coveredYears: { ...coveredYears },
    nonWorkingReason,
    isWorkingDay: (date) => nonWorkingReason(date) === null,
  };
}

const ukCalendars = new Map<UkJurisdiction, WorkingDayCalendar>();

/** The working-day calendar of one UK jurisdiction, from the shipped GOV.UK bank-holiday table. */
export function ukCalendar(jurisdiction: UkJurisdiction = 'england-and-wales'): WorkingDayCalendar {
  const cached = ukCalendars.get(jurisdiction);
  if (cached) return cached;
  const table = (bankHolidayData.jurisdictions as Record<string, { coveredYears: { from: number; to: number }; events: Holiday[] }>)[
    jurisdiction
  ];
  if (!table) throw new RangeError(`unknown UK jurisdiction '${jurisdiction}' (expected one of ${UK_JURISDICTIONS.join(', ')})`);
  const calendar = calendarFrom({ id: `uk/${jurisdiction}`, coveredYears: table.coveredYears, holidays: table.events });
  ukCalendars.set(jurisdiction, calendar);
  return calendar;
}

/** The shipped table of one jurisdiction (for audits, the README and the table's own tests). */
export function ukBankHolidays(jurisdiction: UkJurisdiction): readonly Holiday[] {
  ukCalendar(jurisdiction); // validates the name
  return (bankHolidayData.jurisdictions as Record<string, { events: Holiday[] }>)[jurisdiction]!.events;
}

export const UK_BANK_HOLIDAYS_SOURCE: string = bankHolidayData.source;
