import type { AmendmentKind, RemovalReason } from '@ecris/contracts';
import { recorded, REFERENCE } from '../testing/fixtures';
import { amendmentDecision, removalDecision } from './later-decisions';

const before = recorded('T1').conviction;
const varied = { ...before, sentences: [{ ...before.sentences[0]!, disposalCode: '1115', duration: 'P18M', suspendedFor: 'P2Y' }] };
const court = { code: null, name: 'Court of Appeal (Criminal Division)' };
const input = { decisionDate: '2025-05-30', decidingCourt: court };

describe('amendment decisions (scenario 5: a variation replaces the penalty, never deletes)', () => {
  it.each<[AmendmentKind, boolean, string]>([
    ['SENTENCE_VARIATION', true, 'DCH-00-E'],
    ['APPEAL_OUTCOME', true, 'DCH-00-E'],
    ['APPEAL_OUTCOME', false, 'DCH-00-X'],
    ['CORRECTION', true, 'DCH-00-X'],
    ['CORRECTION', false, 'DCH-00-X'],
    ['OTHER', true, 'DCH-00-X'],
  ])('%s with sentences changed=%s -> %s, delete No', (kind, sentencesChanged, changeTypeRef) => {
    const decision = amendmentDecision(kind, before, sentencesChanged ? varied : before, input);
    expect(decision).toMatchObject({ changeTypeRef, deleteFromRegister: false, decisionDate: '2025-05-30', decidingCourt: court });
    expect(decision.remark).not.toBe('');
  });
});

describe('removal decisions (scenario 4: quashed on appeal -> delete from register)', () => {
  it.each<[RemovalReason, string]>([
    ['QUASHED_ON_APPEAL', 'DCH-00-Y'],
    ['PARDONED', 'DCH-00-O'],
    ['RECORDED_IN_ERROR', 'DCH-00-X'],
    ['OTHER', 'DCH-00-X'],
  ])('%s -> %s with delete Yes', (reason, changeTypeRef) => {
    expect(removalDecision(reason, input)).toMatchObject({ changeTypeRef, deleteFromRegister: true, decidingCourt: court });
  });

  it('uses only decision change types present in the reference data', () => {
    for (const ref of ['DCH-00-E', 'DCH-00-Y', 'DCH-00-O', 'DCH-00-X']) {
      expect(REFERENCE.lookup('decision-change-types', ref, '2025-03-04')).toBeDefined();
    }
  });
});
