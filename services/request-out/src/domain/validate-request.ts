/**
 * Checks an agency request before anything is sent: the same rules whether it came over HTTP or on
 * agency.requests.v1. Each problem is a field path and the rule broken, never the value (it may be
 * personal data). The REQ built from a valid request is checked again against the ECRIS rules.
 */
import { countryRef, euStateOf, type DecisionContext } from './context';
import type { AgencyRequest } from './model';
import { purposeOf } from './policy';

/** Request ids travel in URLs and Kafka keys. */
export const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

function text(problems: string[], path: string, value: string | null, max: number, required: boolean): void {
  if (value === null || value.trim() === '') {
    if (required) problems.push(`${path}: required`);
    return;
  }
  if (value.length > max) problems.push(`${path}: at most ${max} characters`);
}

function partialDate(problems: string[], path: string, date: AgencyRequest['person']['dateOfBirth'], today: string): void {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || year < 1900 || String(year) > today.slice(0, 4)) problems.push(`${path}.year: a year from 1900 to this year`);
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) problems.push(`${path}.month: 1-12`);
  if (day !== null) {
    const daysInMonth = month === null ? 0 : new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month === null) problems.push(`${path}.day: only with a month`);
    else if (!Number.isInteger(day) || day < 1 || day > daysInMonth) problems.push(`${path}.day: a day of that month`);
  }
}

/** Problems with the request itself (not with who sent it: see authorise.ts). `onDate` is the UK date it arrived. */
export function requestProblems(request: AgencyRequest, context: DecisionContext, onDate: string): string[] {
  const problems: string[] = [];
  if (!REQUEST_ID.test(request.requestId)) problems.push('requestId: 1-100 letters, digits, ".", "_", ":" or "-"');
  if (!purposeOf(context.policy, request.purposeCategoryRef)) problems.push('purposeCategoryRef: not a purpose we know (P-NN-NNNNNN from policy.json)');
  text(problems, 'purpose', request.purpose, 400, true);
  text(problems, 'caseReference', request.caseReference, 50, false);
  text(problems, 'agency.officerId', request.agency.officerId, 100, true);

  const person = request.person;
  if (person.forenames.length === 0) problems.push('person.forenames: at least one');
  person.forenames.forEach((name, index) => text(problems, `person.forenames[${index}]`, name, 200, true));
  if (person.forenames.join(' ').length > 200) problems.push('person.forenames: at most 200 characters together');
  text(problems, 'person.surname', person.surname, 200, true);
  person.formerNames.forEach((name, index) => text(problems, `person.formerNames[${index}]`, name, 200, true));
  person.aliases.forEach((name, index) => {
    text(problems, `person.aliases[${index}]`, name, 600, true);
    if (name.trim().split(/\s+/).length < 2) problems.push(`person.aliases[${index}]: a forename and a surname`);
  });
  partialDate(problems, 'person.dateOfBirth', person.dateOfBirth, onDate);
  text(problems, 'person.placeOfBirthTown', person.placeOfBirthTown, 200, true);
  if (!countryRef(context, person.placeOfBirthCountry, onDate)) {
    problems.push('person.placeOfBirthCountry: an ISO 3166-1 alpha-2 code of a country in our reference data (EU states and the UK)');
  }
  if (person.nationalities.length === 0) problems.push('person.nationalities: at least one');
  // A third-country nationality is allowed: only EU ones are asked, and the REQ carries those we have a code for.
  person.nationalities.forEach((code, index) => {
    if (!/^[A-Z]{2}$/.test(code)) problems.push(`person.nationalities[${index}]: ISO 3166-1 alpha-2`);
  });
  text(problems, 'person.identityNumber', person.identityNumber, 50, false);
  request.targetStates.forEach((code, index) => {
    if (euStateOf(context, code, onDate) === undefined) problems.push(`targetStates[${index}]: an EU member state (wire code, e.g. IT)`);
  });
  return problems;
}
