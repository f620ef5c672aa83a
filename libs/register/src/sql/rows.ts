/**
 * Row shapes and their mapping to the API types. Every timestamp is selected as ISO text and every
 * number that could be non-integral as text, so `pg` and PGlite give identical values.
 */
import type {
  ConvictionChange,
  ConvictionContent,
  ConvictionVersion,
  PartialDate,
  PersonIdentifier,
  PersonRecord,
  RecordableEquivalent,
  RegisterConviction,
  RegisterOffence,
  RegisterSanction,
  RegisterText,
  SanctionKind,
  Sex,
  YesNoUnknown,
  ConvictionOrigin,
} from '../types';

/** `to_char` pattern for an ISO 8601 UTC instant with milliseconds. */
export const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const PERSON_COLUMNS = `p.person_id, p.forenames, p.surname, p.second_surname, p.other_names, p.sex,
  p.birth_year, p.birth_month, p.birth_day, p.birth_country, p.birth_town, p.nationalities, p.version,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', i.kind, 'country', NULLIF(i.country, ''), 'value', i.raw_value)
                             ORDER BY i.kind, i.country, i.value)
              FROM register.person_identifiers i WHERE i.person_id = p.person_id), '[]'::jsonb) AS identifiers`;

export interface PersonRow {
  person_id: string;
  forenames: string[];
  surname: string;
  second_surname: string | null;
  other_names: string[];
  sex: Sex;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  birth_country: string | null;
  birth_town: string | null;
  nationalities: string[];
  version: number;
  identifiers: PersonIdentifier[];
}

export function personFromRow(row: PersonRow): PersonRecord {
  return {
    personId: row.person_id,
    forenames: row.forenames,
    surname: row.surname,
    secondSurname: row.second_surname,
    otherNames: row.other_names,
    sex: row.sex,
    birthDate: { year: row.birth_year, month: row.birth_month, day: row.birth_day },
    birthPlace: { country: row.birth_country, town: row.birth_town },
    nationalities: row.nationalities,
    identifiers: row.identifiers,
    version: row.version,
  };
}

export const CONVICTION_COLUMNS = `c.conviction_id, c.person_id, c.origin, c.convicting_state, c.ecris_conviction_id,
  c.court_reference, c.source_message_id, c.is_transmittable, c.recordable_equivalent, c.on_register, c.deleted,
  ${isoInstant('c.deleted_at')} AS deleted_at, c.deletion_reason, ${isoInstant('c.notified_at')} AS notified_at,
  c.current_version, v.conviction_date, v.final_date, v.deciding_authority, v.file_number, v.non_criminal_ruling`;

export interface ConvictionRow {
  conviction_id: string;
  person_id: string;
  origin: ConvictionOrigin;
  convicting_state: string;
  ecris_conviction_id: string | null;
  court_reference: string | null;
  source_message_id: string;
  is_transmittable: YesNoUnknown;
  recordable_equivalent: RecordableEquivalent;
  on_register: boolean;
  deleted: boolean;
  deleted_at: string | null;
  deletion_reason: string | null;
  notified_at: string;
  current_version: number;
  conviction_date: string;
  final_date: string | null;
  deciding_authority: string;
  file_number: string | null;
  non_criminal_ruling: YesNoUnknown;
}

export function convictionFromRow(
  row: ConvictionRow,
  offences: readonly RegisterOffence[],
  sanctions: readonly RegisterSanction[],
): RegisterConviction {
  return {
    convictionId: row.conviction_id,
    personId: row.person_id,
    origin: row.origin,
    convictingState: row.convicting_state,
    ecrisConvictionId: row.ecris_conviction_id,
    courtReference: row.court_reference,
    sourceMessageId: row.source_message_id,
    isTransmittable: row.is_transmittable,
    nonCriminalRuling: row.non_criminal_ruling,
    recordableEquivalent: row.recordable_equivalent,
    onRegister: row.on_register,
    deleted: row.deleted,
    deletedAt: row.deleted_at,
    deletionReason: row.deletion_reason,
    convictionDate: row.conviction_date,
    finalDate: row.final_date,
    decidingAuthority: row.deciding_authority,
    fileNumber: row.file_number,
    notifiedAt: row.notified_at,
    version: row.current_version,
    offences,
    sanctions,
  };
}

export const OFFENCE_COLUMNS = `o.conviction_id, o.offence_id, o.ecris_category_ref, o.offence_code, o.title, o.titles,
  o.legal_provisions, o.committed_from, o.committed_to, o.child_sexual_offence, o.recordable_equivalent, o.on_register`;

export interface OffenceRow {
  conviction_id: string;
  offence_id: string;
  ecris_category_ref: string | null;
  offence_code: string | null;
  title: string;
  titles: RegisterText[];
  legal_provisions: string;
  committed_from: PartialDate | null;
  committed_to: PartialDate | null;
  child_sexual_offence: boolean;
  recordable_equivalent: RecordableEquivalent;
  on_register: boolean;
}

export function offenceFromRow(row: OffenceRow): RegisterOffence {
  return {
    offenceId: row.offence_id,
    ecrisCategoryRef: row.ecris_category_ref,
    offenceCode: row.offence_code,
    title: row.title,
    titles: row.titles,
    legalProvisions: row.legal_provisions,
    committedFrom: row.committed_from,
    committedTo: row.committed_to,
    childSexualOffence: row.child_sexual_offence,
    recordableEquivalent: row.recordable_equivalent,
    onRegister: row.on_register,
  };
}

export const SANCTION_COLUMNS = `s.conviction_id, s.sanction_id, s.ecris_category_ref, s.sanction_code, s.kind, s.title,
  s.titles, s.duration, s.suspended_for, s.start_date, s.end_date, s.fine_amount::text AS fine_amount, s.fine_currency,
  s.offence_ids`;

export interface SanctionRow {
  conviction_id: string;
  sanction_id: string;
  ecris_category_ref: string | null;
  sanction_code: string | null;
  kind: SanctionKind;
  title: string;
  titles: RegisterText[];
  duration: string | null;
  suspended_for: string | null;
  start_date: string | null;
  end_date: string | null;
  fine_amount: string | null;
  fine_currency: string | null;
  offence_ids: string[];
}

export function sanctionFromRow(row: SanctionRow): RegisterSanction {
  return {
    sanctionId: row.sanction_id,
    ecrisCategoryRef: row.ecris_category_ref,
    sanctionCode: row.sanction_code,
    kind: row.kind,
    title: row.title,
    titles: row.titles,
    duration: row.duration,
    suspendedFor: row.suspended_for,
    startDate: row.start_date,
    endDate: row.end_date,
    fineAmount: row.fine_amount,
    fineCurrency: row.fine_currency,
    offenceIds: row.offence_ids,
  };
}

export interface VersionRow {
  conviction_id: string;
  version: number;
  change: ConvictionChange;
  source_message_id: string;
  source_event_id: string;
  applied_at: string;
  content: ConvictionContent;
}

export function versionFromRow(row: VersionRow): ConvictionVersion {
  return {
    convictionId: row.conviction_id,
    version: row.version,
    change: row.change,
    sourceMessageId: row.source_message_id,
    sourceEventId: row.source_event_id,
    appliedAt: row.applied_at,
    content: row.content,
  };
}
