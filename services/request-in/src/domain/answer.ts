import type { AdditionalInformationItem, Conviction, Person } from '@ecris/contracts';
import type { IsoDate } from '@ecris/deadlines';
import { disclose, type PurposeDecision, type WithholdReason } from './disclosure';
import { toEcrisConviction, type ConvictionRendering } from './ecris-conviction';
import type { HeldConviction, PartialBirthDate } from './held-conviction';
import type { RequestInSettings } from './settings';

/** Who the register says the requested person is. */
export type Identification =
  | { readonly outcome: 'one'; readonly personId: string; readonly birthDate: PartialBirthDate }
  | { readonly outcome: 'none' }
  | { readonly outcome: 'several'; readonly candidates: number };

export type AnswerOutcome = 'DENIED' | 'NO_RECORD' | 'CONVICTIONS' | 'MULTIPLE_PEOPLE_FOUND';

/** The final RRS of a request, before addressing. */
export interface FinalAnswer {
  readonly kind: 'RRS';
  readonly outcome: AnswerOutcome;
  readonly responseTypeRef: string;
  readonly convictions: readonly Conviction[];
  readonly remarks: string | null;
  /** For the audit table and metrics; never sent. */
  readonly disclosed: readonly string[];
  readonly withheld: readonly { readonly convictionId: string; readonly reason: WithholdReason }[];
}

export type Answer = FinalAnswer | { readonly kind: 'RAI'; readonly items: readonly AdditionalInformationItem[]; readonly remarks: string };

const NOT_A_NATIONAL_REMARK =
  'The person is not recorded as a UK national; this answer gives what the UK holds (European Union (Future Relationship) Act 2020 s.5).';
const MULTIPLE_PEOPLE_REMARK = 'Several persons on the UK register match the details given; the person could not be identified with certainty.';
const ASK_MORE_REMARK = 'Several persons on the UK register match the details given. Please send the identifiers listed to identify the person.';

/** A denial (R18, scenario 24): a reason and no data. */
export function denial(decision: Extract<PurposeDecision, { allowed: false }>, settings: RequestInSettings): FinalAnswer {
  return { kind: 'RRS', outcome: 'DENIED', responseTypeRef: settings.responseTypes.denied, convictions: [], remarks: decision.reason, disclosed: [], withheld: [] };
}

/** Still ambiguous after the RAI was answered, or no answer came by the due date: final, no data. */
export function multiplePeopleFound(settings: RequestInSettings): FinalAnswer {
  return {
    kind: 'RRS',
    outcome: 'MULTIPLE_PEOPLE_FOUND',
    responseTypeRef: settings.responseTypes.multiplePeopleFound,
    convictions: [],
    remarks: MULTIPLE_PEOPLE_REMARK,
    disclosed: [],
    withheld: [],
  };
}

export interface AnswerInput {
  readonly decision: Extract<PurposeDecision, { allowed: true }>;
  readonly ukNational: boolean;
  readonly identification: Identification;
  /** Held convictions of the one person identified (empty otherwise). */
  readonly convictions: readonly HeldConviction[];
  /** The request's person, to see which identifiers an RAI could still add. */
  readonly person: Person;
  /** True once the requester has answered an RAI: still ambiguous is then final. */
  readonly afterAdditionalInfo: boolean;
  readonly today: IsoDate;
  readonly settings: RequestInSettings;
  readonly rendering: ConvictionRendering;
}

/**
 * The answer once the register has been searched: convictions filtered by the disclosure rules for
 * one person; "no convictions" at once for nobody (scenario 22); an RAI for several, then "multiple
 * people found" if the extra identifiers did not settle it (scenario 11's logic, for requests).
 */
export function answerRequest(input: AnswerInput): Answer {
  const { identification, settings } = input;
  const answeredType = input.ukNational ? settings.responseTypes.answered : settings.responseTypes.notANational;
  const nationalityRemark = input.ukNational ? null : NOT_A_NATIONAL_REMARK;

  if (identification.outcome === 'several') {
    if (!input.afterAdditionalInfo) return { kind: 'RAI', items: itemsToAskFor(input.person, settings), remarks: ASK_MORE_REMARK };
    return multiplePeopleFound(settings);
  }
  if (identification.outcome === 'none') {
    return { kind: 'RRS', outcome: 'NO_RECORD', responseTypeRef: answeredType, convictions: [], remarks: nationalityRemark, disclosed: [], withheld: [] };
  }

  const result = disclose({
    decision: input.decision,
    rules: settings.disclosureRules,
    convictions: input.convictions,
    birthDate: identification.birthDate,
    today: input.today,
  });
  return {
    kind: 'RRS',
    outcome: result.disclosed.length > 0 ? 'CONVICTIONS' : 'NO_RECORD',
    responseTypeRef: answeredType,
    convictions: result.disclosed.map((held) => toEcrisConviction(held, input.rendering)),
    remarks: nationalityRemark,
    disclosed: result.disclosed.map((held) => held.convictionId),
    withheld: result.withheld,
  };
}

/** The configured items the request does not already carry; at least one (ECRIS requires 1..n). */
export function itemsToAskFor(person: Person, settings: RequestInSettings): AdditionalInformationItem[] {
  const has: Partial<Record<AdditionalInformationItem, boolean>> = {
    IdentityNumber: person.identityNumber !== null,
    IdentificationDocument: person.identificationDocuments.length > 0,
    FormerName: person.formerSurnames.length + person.formerForenames.length > 0,
    Alias: person.aliases.length > 0,
    MotherName: person.mother !== null,
    FatherName: person.father !== null,
    Address: person.addresses.length > 0,
  };
  const items = settings.additionalInfoItems.filter((item) => !has[item]);
  return items.length > 0 ? items : [settings.additionalInfoItems[0] ?? 'IdentificationDocument'];
}
