/** What every decision of this folder may consult: configuration and reference data, passed in. */
import { countryRefOf, iso2OfCountryRef, toWireCode, type ReferenceData } from '@ecris/reference-data';
import type { DeadlineRules } from '@ecris/deadlines';
import type { RequestOutPolicy } from './policy';

export interface DecisionContext {
  /** Our ECRIS wire code (GB unless configured otherwise). */
  readonly senderCountry: string;
  readonly policy: RequestOutPolicy;
  readonly referenceData: ReferenceData;
  readonly deadlineRules: DeadlineRules;
}

/** The wire code of an EU member state given in either convention (GR or EL), else undefined. The UK is not one. */
export function euStateOf(context: DecisionContext, code: string, onDate: string): string | undefined {
  const wire = toWireCode(context.referenceData, code, onDate);
  if (!wire || wire === context.senderCountry) return undefined;
  const entry = context.referenceData.lookup('member-states', wire, onDate);
  return entry?.attributes?.isEuMemberState === true ? wire : undefined;
}

/**
 * The ECRIS country reference of a country code. A member state may be given in the EU-document
 * convention (EL, UK): the wire code is its ISO alpha-2 code.
 */
export function countryRef(context: DecisionContext, code: string, onDate: string): string | undefined {
  return countryRefOf(context.referenceData, toWireCode(context.referenceData, code, onDate) ?? code, onDate);
}

/** ISO alpha-2 of an ECRIS country reference (CO-00-380-ITA -> IT), when the table has it. */
export function stateOfCountryRef(context: DecisionContext, ref: string, onDate: string): string | null {
  return iso2OfCountryRef(context.referenceData, ref, onDate) ?? null;
}
