/**
 * The JSON body of POST /v1/requests, checked field by field (the body is whatever the caller sent),
 * then shaped as the agency request that goes on agency.requests.v1. The agency comes from the API
 * key, never from the body.
 */
import type { PartialDate, RequestedPerson, Sex, Urgency, YesNoUnknown } from '@ecris/contracts';
import type { AgencyRequest } from '../domain/model';
import type { Agency } from '../domain/policy';

type Json = Record<string, unknown>;

class BodyReader {
  readonly problems: string[] = [];
  constructor(private readonly root: Json) {}

  object(path: string, value: unknown = this.at(path)): Json {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problems.push(`${path}: an object`);
    return {};
  }

  string(path: string, value: unknown = this.at(path)): string {
    if (typeof value === 'string') return value;
    this.problems.push(`${path}: a string`);
    return '';
  }

  optionalString(path: string, value: unknown = this.at(path)): string | null {
    return value === undefined || value === null ? null : this.string(path, value);
  }

  strings(path: string, value: unknown = this.at(path), required = true): string[] {
    if (value === undefined && !required) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    this.problems.push(`${path}: an array of strings`);
    return [];
  }

  oneOf<T extends string>(path: string, symbols: readonly T[], fallback: T | undefined, value: unknown = this.at(path)): T {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (symbols as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${path}: one of ${symbols.join(', ')}`);
    return symbols[0]!;
  }

  integer(path: string, value: unknown, required: boolean): number | null {
    if ((value === undefined || value === null) && !required) return null;
    if (Number.isInteger(value)) return value as number;
    this.problems.push(`${path}: a whole number`);
    return 0;
  }

  private at(path: string): unknown {
    return path.split('.').reduce<unknown>((node, part) => (node as Json | undefined)?.[part], this.root);
  }
}

const SEXES: readonly Sex[] = ['MALE', 'FEMALE', 'NOT_KNOWN'];
const URGENCIES: readonly Urgency[] = ['NORMAL', 'HIGH'];
const CONSENTS: readonly YesNoUnknown[] = ['Yes', 'No', 'UNKNOWN'];

function personOf(read: BodyReader, value: Json): RequestedPerson {
  const birth = read.object('person.dateOfBirth', value['dateOfBirth']);
  const dateOfBirth: PartialDate = {
    year: read.integer('person.dateOfBirth.year', birth['year'], true) ?? 0,
    month: read.integer('person.dateOfBirth.month', birth['month'], false),
    day: read.integer('person.dateOfBirth.day', birth['day'], false),
  };
  return {
    forenames: read.strings('person.forenames', value['forenames']),
    surname: read.string('person.surname', value['surname']),
    formerNames: read.strings('person.formerNames', value['formerNames'], false),
    aliases: read.strings('person.aliases', value['aliases'], false),
    sex: read.oneOf('person.sex', SEXES, undefined, value['sex']),
    dateOfBirth,
    placeOfBirthTown: read.string('person.placeOfBirthTown', value['placeOfBirthTown']),
    placeOfBirthCountry: read.string('person.placeOfBirthCountry', value['placeOfBirthCountry']),
    nationalities: read.strings('person.nationalities', value['nationalities']),
    identityNumber: read.optionalString('person.identityNumber', value['identityNumber']),
  };
}

/** The agency request the body describes, or what is wrong with the body (paths and rules, never values). */
export function agencyRequestFromBody(body: unknown, agency: Agency, requestId: string, requestedAt: string): AgencyRequest | { problems: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problems: ['body: a JSON object'] };
  const read = new BodyReader(body as Json);
  const person = (body as Json)['person'];
  // Without a person object, its every field would be reported missing: one line says it better.
  if (typeof person !== 'object' || person === null || Array.isArray(person)) return { problems: ['person: an object'] };
  const request: AgencyRequest = {
    requestId,
    requestedAt,
    agency: { agencyCode: agency.id, agencyName: agency.name, authorityTypeRef: agency.authorityTypeRef, officerId: read.string('officerId') },
    purposeCategoryRef: read.string('purposeCategoryRef'),
    purpose: read.string('purpose'),
    caseReference: read.optionalString('caseReference'),
    person: personOf(read, person as Json),
    urgency: read.oneOf('urgency', URGENCIES, 'NORMAL'),
    consent: read.oneOf('consent', CONSENTS, 'UNKNOWN'),
    targetStates: read.strings('targetStates', undefined, false),
  };
  return read.problems.length > 0 ? { problems: read.problems } : request;
}

export function followUpStatesFromBody(body: unknown): string[] | { problems: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problems: ['body: a JSON object'] };
  const read = new BodyReader(body as Json);
  const states = read.strings('states');
  return read.problems.length > 0 ? { problems: read.problems } : states;
}
