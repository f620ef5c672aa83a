/**
 * Country codes, mapped in this one place (ecris.md §4, "Country codes trap"):
 * - wire: what ECRIS v1.0 messages carry in message ids and the header, ISO 3166-1 alpha-2
 *   (`GB`, `GR`), from the member-states table's ecrisV1MemberStateCode;
 * - document: what EU institutional documents use (`UK`, `EL`), the euInterinstitutionalCode;
 * - reference: what nationality and place fields carry, `CO-NN-NNN-AAA` (countries table).
 * Code is converted at the edges; everything inside ECRIS Exchange and on the wire uses the wire form.
 */
import type { ReferenceData } from './reference-data';

const MEMBER_STATES = 'member-states';
const COUNTRIES = 'countries';

/** The wire code (GB) for a member state given in either convention (GB or UK); undefined if none. */
export function toWireCode(data: ReferenceData, code: string, onDate: string): string | undefined {
  const upper = code.trim().toUpperCase();
  const direct = data.lookup(MEMBER_STATES, upper, onDate);
  if (direct) return direct.code;
  return data.entriesOn(MEMBER_STATES, onDate).find((entry) => entry.attributes?.euInterinstitutionalCode === upper)?.code;
}

/** The EU-document code (UK, EL) of a member state given in either convention. */
export function toDocumentCode(data: ReferenceData, code: string, onDate: string): string | undefined {
  const wire = toWireCode(data, code, onDate);
  if (wire === undefined) return undefined;
  return String(data.lookup(MEMBER_STATES, wire, onDate)?.attributes?.euInterinstitutionalCode ?? wire);
}

/** Is this wire code an ECRIS member state (or the UK) on that day? For validation of headers. */
export function isMemberStateWireCode(data: ReferenceData, onDate: string): (code: string) => boolean {
  return (code) => data.lookup(MEMBER_STATES, code, onDate) !== undefined;
}

/** The ECRIS country reference (CO-00-250-FRA) of an ISO 3166-1 alpha-2 code (FR), where the table has it. */
export function countryRefOf(data: ReferenceData, iso2: string, onDate: string): string | undefined {
  const upper = iso2.trim().toUpperCase();
  return data.entriesOn(COUNTRIES, onDate).find((entry) => entry.attributes?.iso3166Alpha2 === upper)?.code;
}

/** The ISO 3166-1 alpha-2 code of an ECRIS country reference, where the table has it. */
export function iso2OfCountryRef(data: ReferenceData, ref: string, onDate: string): string | undefined {
  const value = data.lookup(COUNTRIES, ref, onDate)?.attributes?.iso3166Alpha2;
  return typeof value === 'string' ? value : undefined;
}
