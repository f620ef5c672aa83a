/**
 * The national register's data as its readers see it (request-in, operators) and as its only writer
 * (register-update) stores it. Plain data, no framework: the shapes are the API of @ecris/register.
 *
 * Countries are ISO 3166-1 alpha-2 codes (GB, ES, GR) everywhere in the register; ECRIS country
 * references (CO-00-724-ESP) are converted at the edge by whoever reads the ECRIS message.
 */

/** ECRIS three-valued flag, spelled as on the wire. UNKNOWN is legal: never collapse it into a boolean. */
export type YesNoUnknown = 'Yes' | 'No' | 'UNKNOWN';

/** ISO 5218 as used by ECRIS. */
export type Sex = 'NOT_KNOWN' | 'MALE' | 'FEMALE';

/** ECRIS partial date: the year is always known; month and day may not be (a day only with a month). */
export interface PartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/**
 * Identifiers that pin a person down. `NATIONAL_ID` and `ID_DOCUMENT` values are only comparable
 * within their issuing country, so `country` is part of the identifier for those two.
 */
export type IdentifierKind = 'PNC_ID' | 'NATIONAL_ID' | 'ID_DOCUMENT';

export interface PersonIdentifier {
  readonly kind: IdentifierKind;
  readonly value: string;
  /** ISO alpha-2 issuing country for NATIONAL_ID and ID_DOCUMENT; null for PNC_ID (always UK). */
  readonly country: string | null;
}

export interface BirthPlace {
  /** ISO alpha-2, when known. */
  readonly country: string | null;
  /** Town name as written (any script); matching normalises and transliterates it. */
  readonly town: string | null;
}

// ---------------------------------------------------------------------------------------------
// Persons and matching
// ---------------------------------------------------------------------------------------------

/** Who we are looking for: the person of an incoming NOT, REQ or court event. */
export interface PersonQuery {
  /** Forenames in order, as written (any script). At least one. */
  readonly forenames: readonly string[];
  readonly surname: string;
  /** Second surname (Spanish and Portuguese naming), when given. */
  readonly secondSurname?: string | null;
  /** Former names and aliases, each a full name as one string. */
  readonly otherNames?: readonly string[];
  readonly sex?: Sex | null;
  readonly birthDate: PartialDate;
  readonly birthPlace?: BirthPlace | null;
  /** ISO alpha-2 nationalities. */
  readonly nationalities?: readonly string[];
  readonly identifiers?: readonly PersonIdentifier[];
}

/** A person on the register. */
export interface PersonRecord {
  readonly personId: string;
  readonly forenames: readonly string[];
  readonly surname: string;
  readonly secondSurname: string | null;
  readonly otherNames: readonly string[];
  readonly sex: Sex;
  readonly birthDate: PartialDate;
  readonly birthPlace: BirthPlace;
  readonly nationalities: readonly string[];
  readonly identifiers: readonly PersonIdentifier[];
  /** Goes up by one on every change of the person row (optimistic concurrency for the writer). */
  readonly version: number;
}

/**
 * Why a candidate scored what it did: machine-readable codes an operator screen can show. Never a
 * name or date: reasons end up in work items and logs.
 */
export type MatchReason =
  | 'IDENTIFIER_EQUAL'
  | 'IDENTIFIER_CONFLICT'
  | 'SURNAME_EQUAL'
  | 'SURNAME_EQUAL_TRANSLITERATED'
  | 'SURNAME_PARTIAL'
  | 'SURNAME_SIMILAR'
  | 'SURNAME_DIFFERENT'
  | 'FORENAME_EQUAL'
  | 'FORENAME_EQUAL_TRANSLITERATED'
  | 'FORENAME_PARTIAL'
  | 'FORENAME_SIMILAR'
  | 'FORENAME_DIFFERENT'
  | 'OTHER_NAME_EQUAL'
  | 'BIRTH_DATE_EQUAL'
  | 'BIRTH_DATE_COMPATIBLE'
  | 'BIRTH_DATE_CONFLICT'
  | 'BIRTH_PLACE_EQUAL'
  | 'BIRTH_COUNTRY_EQUAL'
  | 'BIRTH_PLACE_CONFLICT'
  | 'SEX_CONFLICT';

export interface PersonMatch {
  readonly personId: string;
  /** 0..1. */
  readonly confidence: number;
  readonly reasons: readonly MatchReason[];
}

/**
 * - `one`: exactly one candidate at or above `accept`, and the runner-up at least `margin` below it;
 * - `none`: no candidate reaches `review`;
 * - `several`: anything else, i.e. a person must decide (two or more plausible candidates, or a
 *   single one between `review` and `accept`). Never resolved by a guess.
 * `matches` lists the candidates at or above `review`, best first.
 */
export interface MatchResult {
  readonly outcome: 'one' | 'none' | 'several';
  readonly matches: readonly PersonMatch[];
}

/** Configuration, not constants: ops tune them on real data. */
export interface MatchThresholds {
  /** A candidate at or above this is a match on its own. */
  readonly accept: number;
  /** Candidates at or above this are worth a person's look. */
  readonly review: number;
  /** How far the runner-up must be below an accepted match for the match to stand. */
  readonly margin: number;
}

// ---------------------------------------------------------------------------------------------
// Convictions as the register holds them
// ---------------------------------------------------------------------------------------------

/** UK: from the court feed. FOREIGN: notified by another state over ECRIS. */
export type ConvictionOrigin = 'UK' | 'FOREIGN';

/**
 * Does England & Wales have a recordable equivalent of the (foreign) offence? Decided per offence
 * from the configurable equivalence table; `NOT_APPLICABLE` for UK convictions (recordable as such).
 * `UNKNOWN` when the table has no row for the category: kept as received, not on the register proper.
 */
export type RecordableEquivalent = 'YES' | 'NO' | 'UNKNOWN' | 'NOT_APPLICABLE';

/**
 * A broad class of the sanction, enough for disclosure rules (rehabilitation periods differ by
 * custody, community order, fine, discharge): from the Annex B category (foreign) or from the
 * court sentence's fields (UK). `OTHER` when it cannot be told.
 */
export type SanctionKind = 'CUSTODY' | 'SUSPENDED_CUSTODY' | 'COMMUNITY' | 'FINE' | 'DISCHARGE' | 'OTHER';

/** One representation of a text: the original and, for foreign texts, the English translation. */
export interface RegisterText {
  readonly lang: string | null;
  /** True for a translation (the ECRIS `translated` mark); originals are false. */
  readonly translated: boolean;
  readonly text: string;
}

export interface RegisterOffence {
  /** O-NNNNN (foreign) or the court's offence sequence (UK). */
  readonly offenceId: string;
  /** Annex A reference O-NN-NNNNNN; null for a UK offence not yet mapped. */
  readonly ecrisCategoryRef: string | null;
  /** The UK offence code (UK convictions), or the sender's national code (foreign), when given. */
  readonly offenceCode: string | null;
  /** English title: the court's wording, or the translation of a foreign title. */
  readonly title: string;
  /** Every representation of the title, original first. */
  readonly titles: readonly RegisterText[];
  readonly legalProvisions: string;
  readonly committedFrom: PartialDate | null;
  readonly committedTo: PartialDate | null;
  /** For FRA 2020 s.5(6): child sexual offences are disclosed for work with children even when spent. */
  readonly childSexualOffence: boolean;
  readonly recordableEquivalent: RecordableEquivalent;
  /** On the register proper: UK offences, and foreign ones whose recordable equivalent is YES. */
  readonly onRegister: boolean;
}

export interface RegisterSanction {
  /** S-NNNNN (foreign) or the court's sentence sequence (UK). */
  readonly sanctionId: string;
  /** Annex B reference S-NN-NNNNNN (foreign), or null. */
  readonly ecrisCategoryRef: string | null;
  /** UK disposal code, or the sender's national code, when given. */
  readonly sanctionCode: string | null;
  readonly kind: SanctionKind;
  readonly title: string;
  readonly titles: readonly RegisterText[];
  /** ISO 8601 duration of the period imposed (P18M), when there is one. */
  readonly duration: string | null;
  /** Operational / probation period of a suspended sentence, ISO 8601 duration. */
  readonly suspendedFor: string | null;
  /** Full dates, when known. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  /** Decimal string, with its ISO 4217 currency (GBP for UK fines), when a fine. */
  readonly fineAmount: string | null;
  readonly fineCurrency: string | null;
  readonly offenceIds: readonly string[];
}

/**
 * A conviction as the register holds it now (its current version).
 *
 * Disclosure data (shared/domain/ecris.md §3): `deleted` (never disclose), `isTransmittable` (R23:
 * other purposes), `origin` + `onRegister` + `notifiedAt` (R22 reply content), `childSexualOffence`
 * per offence (R20), and for spent status (R19) the conviction date, the person's birth date (age at
 * conviction) and each sanction's kind, duration and dates.
 */
export interface RegisterConviction {
  /** The register's own id of the conviction. */
  readonly convictionId: string;
  readonly personId: string;
  readonly origin: ConvictionOrigin;
  /** ISO alpha-2: GB for UK convictions. */
  readonly convictingState: string;
  /** SS-C-NNNNNNNNNNNNNNN for foreign convictions; null for UK ones (notification-out assigns those). */
  readonly ecrisConvictionId: string | null;
  /** The court record id of a UK conviction; null for foreign ones. */
  readonly courtReference: string | null;
  /** The ECRIS NOT (foreign) or the court event id (UK) of the current version. */
  readonly sourceMessageId: string;
  /** Foreign: as the convicting state sent it. UK: Yes (the UK decides about its own convictions). */
  readonly isTransmittable: YesNoUnknown;
  readonly nonCriminalRuling: YesNoUnknown;
  /** Conviction level: YES when at least one offence is YES; NOT_APPLICABLE for UK. */
  readonly recordableEquivalent: RecordableEquivalent;
  readonly onRegister: boolean;
  readonly deleted: boolean;
  /** ISO 8601 instant, when deleted. */
  readonly deletedAt: string | null;
  /** Why: e.g. DELETE_FROM_REGISTER (a foreign decision) or QUASHED_ON_APPEAL (a UK removal). */
  readonly deletionReason: string | null;
  readonly convictionDate: string;
  readonly finalDate: string | null;
  /** English name of the convicting court or authority. */
  readonly decidingAuthority: string;
  readonly fileNumber: string | null;
  /** When the register first took the conviction in (ISO 8601): the UK recording or the foreign notification. */
  readonly notifiedAt: string;
  readonly version: number;
  readonly offences: readonly RegisterOffence[];
  readonly sanctions: readonly RegisterSanction[];
}

/** What a version records: created, replaced (amended / varied), deleted. */
export type ConvictionChange = 'CREATED' | 'REPLACED' | 'SANCTIONS_VARIED' | 'DELETED';

/** One entry of a conviction's history. */
export interface ConvictionVersion {
  readonly convictionId: string;
  readonly version: number;
  readonly change: ConvictionChange;
  /** The ECRIS message id or court event id that caused it. */
  readonly sourceMessageId: string;
  /** The `ce_id` of the record that caused it. */
  readonly sourceEventId: string;
  readonly appliedAt: string;
  /** The conviction content of this version, as received and translated (JSON). */
  readonly content: ConvictionContent;
}

// ---------------------------------------------------------------------------------------------
// What the writer stores (register-update builds these from court events and translated NOTs)
// ---------------------------------------------------------------------------------------------

/** The content that changes from version to version. */
export interface ConvictionContent {
  readonly convictionDate: string;
  readonly finalDate: string | null;
  readonly decidingAuthority: string;
  readonly fileNumber: string | null;
  readonly isTransmittable: YesNoUnknown;
  readonly nonCriminalRuling: YesNoUnknown;
  readonly offences: readonly RegisterOffence[];
  readonly sanctions: readonly RegisterSanction[];
  /**
   * The conviction as received, kept for audit and for answering later requests. Foreign: the ECRIS
   * `uk.ecris.model.Conviction` as the convicting state sent it, with the English renderings beside
   * the originals (`translated: true`). UK: `{ convictionReference, conviction }`, the court event's
   * CourtConviction.
   */
  readonly received: unknown;
}

/** A person to create. */
export interface NewPerson {
  readonly personId: string;
  readonly forenames: readonly string[];
  readonly surname: string;
  readonly secondSurname: string | null;
  readonly otherNames: readonly string[];
  readonly sex: Sex;
  readonly birthDate: PartialDate;
  readonly birthPlace: BirthPlace;
  readonly nationalities: readonly string[];
  readonly identifiers: readonly PersonIdentifier[];
}

/** How a conviction is found again by the writer: by court reference (UK) or ECRIS id (foreign). */
export type ConvictionKey =
  | { readonly origin: 'UK'; readonly courtReference: string }
  | { readonly origin: 'FOREIGN'; readonly convictingState: string; readonly ecrisConvictionId: string };

/**
 * Foreign convictions whose person could not be identified are still stored (FD Art. 5(1): store what
 * is notified), but with no person until an operator or an RAR resolves the match.
 */
export type Identification = 'MATCHED' | 'AWAITING_IDENTIFICATION';

export interface NewConviction {
  readonly convictionId: string;
  readonly key: ConvictionKey;
  /** Null while AWAITING_IDENTIFICATION. */
  readonly personId: string | null;
  readonly identification: Identification;
  /** Candidates an operator should look at when AWAITING_IDENTIFICATION. */
  readonly matchCandidates: readonly PersonMatch[];
  readonly sourceMessageId: string;
  readonly sourceEventId: string;
  /** ISO 8601: the event time of the record that created it (replays reproduce it). */
  readonly at: string;
  readonly content: ConvictionContent;
}

/** The writer's view of a stored conviction: enough to apply the next change with a version guard. */
export interface ConvictionHead {
  readonly convictionId: string;
  readonly personId: string | null;
  readonly identification: Identification;
  readonly version: number;
  readonly deleted: boolean;
  /** The ECRIS message or court event id of the current version. */
  readonly sourceMessageId: string;
  readonly content: ConvictionContent;
}

export interface NewVersion {
  readonly convictionId: string;
  /** The version the change was computed from: a mismatch means someone else changed it meanwhile. */
  readonly expectedVersion: number;
  readonly change: Exclude<ConvictionChange, 'CREATED' | 'DELETED'>;
  readonly sourceMessageId: string;
  readonly sourceEventId: string;
  readonly at: string;
  readonly content: ConvictionContent;
}

export interface Deletion {
  readonly convictionId: string;
  readonly expectedVersion: number;
  readonly reason: string;
  readonly sourceMessageId: string;
  readonly sourceEventId: string;
  readonly at: string;
}

/** An update from abroad held until the conviction it changes is stored (`payload` is the writer's own). */
export interface DeferredUpdate {
  readonly convictingState: string;
  readonly ecrisConvictionId: string;
  readonly sourceMessageId: string;
  readonly sourceEventId: string;
  readonly receivedAt: string;
  readonly payload: unknown;
}
