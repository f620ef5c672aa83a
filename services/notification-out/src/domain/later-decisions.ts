/**
 * What a court amendment or removal becomes in ECRIS: a further Decision on the conviction, with a
 * decision change type (DCH-..) and the delete-from-register flag (ecris.md §2.1, §4, scenarios 4 and 5).
 *
 * The DCH codes used are the ones in libs/reference-data (decision-change-types, partial); their
 * meanings come from the Bulgarian labels summarised in ecris.md §4, so the choices below are an
 * inference [I], kept in this one table: E replacement (conversion) of the penalty, Y reopening or
 * annulment, O pardon, X other.
 */
import type { AmendmentKind, CourtConviction, RemovalReason } from '@ecris/contracts';
import { canonicalJson } from './canonical-json';
import type { LaterDecision } from './model';

export const CHANGE_TYPES = {
  penaltyReplaced: 'DCH-00-E',
  annulled: 'DCH-00-Y',
  pardoned: 'DCH-00-O',
  other: 'DCH-00-X',
} as const;

interface DecisionInput {
  readonly decisionDate: string;
  readonly decidingCourt: LaterDecision['decidingCourt'];
}

/**
 * An amendment: never a deletion (a whole conviction quashed arrives as ConvictionRemoved). A new
 * sentence is a replacement of the penalty; anything else (offences changed on appeal, a correction)
 * is "other", with a remark saying which.
 */
export function amendmentDecision(
  kind: AmendmentKind,
  before: CourtConviction | null,
  after: CourtConviction,
  input: DecisionInput,
): LaterDecision {
  const sentencesChanged = before === null || canonicalJson(before.sentences) !== canonicalJson(after.sentences);
  const replacesPenalty = sentencesChanged && (kind === 'SENTENCE_VARIATION' || kind === 'APPEAL_OUTCOME');
  return {
    changeTypeRef: replacesPenalty ? CHANGE_TYPES.penaltyReplaced : CHANGE_TYPES.other,
    decisionDate: input.decisionDate,
    decidingCourt: input.decidingCourt,
    deleteFromRegister: false,
    remark: AMENDMENT_REMARKS[kind],
  };
}

const AMENDMENT_REMARKS: Record<AmendmentKind, string> = {
  SENTENCE_VARIATION: 'Sentence varied; the sanctions of this decision replace the earlier ones.',
  APPEAL_OUTCOME: 'Conviction varied on appeal; offences and sanctions as they now stand.',
  CORRECTION: 'Court record corrected; the conviction as it now stands.',
  OTHER: 'Court record amended; the conviction as it now stands.',
};

/** A removal from the record: the nationality state must delete the conviction too (ecris.md R6, R7). */
export function removalDecision(reason: RemovalReason, input: DecisionInput): LaterDecision {
  const { changeTypeRef, remark } = REMOVALS[reason];
  return { changeTypeRef, decisionDate: input.decisionDate, decidingCourt: input.decidingCourt, deleteFromRegister: true, remark };
}

const REMOVALS: Record<RemovalReason, { changeTypeRef: string; remark: string }> = {
  QUASHED_ON_APPEAL: { changeTypeRef: CHANGE_TYPES.annulled, remark: 'Conviction quashed on appeal: delete it from the register.' },
  PARDONED: { changeTypeRef: CHANGE_TYPES.pardoned, remark: 'Pardon: the conviction was removed from the UK record; delete it from the register.' },
  RECORDED_IN_ERROR: { changeTypeRef: CHANGE_TYPES.other, remark: 'Recorded in error: delete it from the register.' },
  OTHER: { changeTypeRef: CHANGE_TYPES.other, remark: 'Removed from the UK record: delete it from the register.' },
};
