/**
 * Our own member-state code is configuration, not a constant: `ECRIS_SENDER_COUNTRY`.
 *
 * ECRIS message ids (`SS-RR-TTT-...`) and the header's sender/receiver carry the ECRIS v1.0 wire code,
 * ISO 3166-1 alpha-2: the XSD's MemberStateCodeType lists GB and GR, and so does the ECRIS
 * Reference Implementation's enumeration (reference-data member-states). So the UK sends `GB-FR-NOT-...`,
 * never `UK-FR-NOT-...`. The setting may be given in either convention (`GB` or `UK`, as people
 * used to EU documents write it) and is normalised to the wire code here; the default is GB.
 * If UK-CRIS turns out to use another code under the TCA (ecris.md §7, question 3), change the setting.
 */
import { toWireCode } from './countries';
import type { ReferenceData } from './reference-data';

export const DEFAULT_SENDER_COUNTRY = 'GB';

export function ecrisSenderCountry(env: Readonly<Record<string, string | undefined>>, data: ReferenceData, onDate: string): string {
  const configured = env.ECRIS_SENDER_COUNTRY?.trim() || DEFAULT_SENDER_COUNTRY;
  const wire = toWireCode(data, configured, onDate);
  if (wire === undefined) {
    throw new Error(`ECRIS_SENDER_COUNTRY=${configured} is not an ECRIS member state code (e.g. GB or UK)`);
  }
  return wire;
}
