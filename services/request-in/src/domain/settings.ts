import type { AdditionalInformationItem } from '@ecris/contracts';
import type { DeadlineRules } from '@ecris/deadlines';
import type { DisclosureRules, PurposeCategories } from './disclosure-rules';

/** Request response types by outcome (rules/response-types.json). */
export interface ResponseTypes {
  readonly answered: string;
  readonly denied: string;
  readonly notANational: string;
  readonly multiplePeopleFound: string;
}

/** Everything the deciders need besides the message: configuration and reference data, as values. */
export interface RequestInSettings {
  /** Our ECRIS wire code (GB). */
  readonly us: string;
  /** Country references that make a person a UK national (CO-00-826-GBR). */
  readonly ukNationalityRefs: ReadonlySet<string>;
  readonly countryRefOf: (iso2: string) => string | undefined;
  readonly isMemberState: (wireCode: string) => boolean;
  readonly purposeCategories: PurposeCategories;
  readonly disclosureRules: DisclosureRules;
  readonly deadlineRules: DeadlineRules;
  readonly responseTypes: ResponseTypes;
  /** What an RAI may ask for, in order of preference; items the request already carries are left out. */
  readonly additionalInfoItems: readonly AdditionalInformationItem[];
  /** Close a request still waiting for identifiers with "multiple people found" on its due date. */
  readonly closeUnidentifiedOnDueDate: boolean;
}

/** The 15-digit serial of one of our replies, from the answered message's id and a step name. */
export type ReplySerial = (step: string) => bigint;

/** A UK conviction's ECRIS id, derived from its court reference (the same everywhere it is sent). */
export type UkConvictionIdOf = (courtReference: string) => string;
