import { ecrisSenderCountry, isMemberStateWireCode, type ReferenceData } from '@ecris/reference-data';
import type { ReceptionSettings } from '../domain/receive-notification';

/** NRT-00-00 is the success code seen in ECRIS traffic (reference data notification-response-types). */
export const ACKNOWLEDGED_RESPONSE_TYPE = 'NRT-00-00';

/**
 * No source gives the meaning of any NRT problem code (reference data: NRT-00-02 seen, "meaning not
 * stated"). NRT-00-02 is our inference from its twin RRT-00-02 "not a national of the requested state"
 * [I], so it is configuration (NOTIFICATION_IN_NOT_A_NATIONAL_NRT), to change when the official
 * CommonReferenceTable arrives.
 */
export const DEFAULT_NOT_A_NATIONAL_RESPONSE_TYPE = 'NRT-00-02';

const NRT_FORMAT = /^NRT-[0-9]{2}-[0-9]{2}$/;

/** Settings for a message dated `onDate` (YYYY-MM-DD): read with the reference data in force that day. */
export type ReceptionSettingsFor = (onDate: string) => ReceptionSettings;

export function receptionSettingsFrom(data: ReferenceData, env: Readonly<Record<string, string | undefined>>): ReceptionSettingsFor {
  const notANational = env.NOTIFICATION_IN_NOT_A_NATIONAL_NRT?.trim() || DEFAULT_NOT_A_NATIONAL_RESPONSE_TYPE;
  if (!NRT_FORMAT.test(notANational)) throw new Error(`NOTIFICATION_IN_NOT_A_NATIONAL_NRT must look like NRT-nn-nn`);
  return (onDate) => {
    const ourState = ecrisSenderCountry(env, data, onDate);
    const ourNationalityRefs = new Set(
      data
        .entriesOn('countries', onDate)
        .filter((entry) => entry.attributes?.iso3166Alpha2 === ourState)
        .map((entry) => entry.code),
    );
    return {
      ourState,
      ourNationalityRefs,
      acknowledgedResponseType: ACKNOWLEDGED_RESPONSE_TYPE,
      notANationalResponseType: notANational,
      validation: { isMemberState: isMemberStateWireCode(data, onDate) },
    };
  };
}

/** The day a message is read on: its header date when that is a date, else the record's time. */
export function messageDay(headerTimestamp: string, recordTime: string): string {
  const day = headerTimestamp.slice(0, 10);
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : recordTime.slice(0, 10);
}
