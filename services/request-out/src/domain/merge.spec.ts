import { receiveResponse, receiveTranslation } from './answers';
import { requestMessageIdOf } from './ecris-ids';
import { followUpsOf, responseOf } from './merge';
import type { RequestCase } from './model';
import { decideSubmission } from './submit';
import { agencyRequest, context, conviction, gmp, rrs } from './testing/fixtures';
import { englishRenderingOf } from './testing/translation';

const IT_REQ = requestMessageIdOf('GB', 'IT', 'AR-TEST-1');
const RO_REQ = requestMessageIdOf('GB', 'RO', 'AR-TEST-1');

function dualNational(): RequestCase {
  const decision = decideSubmission(
    undefined,
    { request: agencyRequest({}, { nationalities: ['IT', 'RO'] }), channel: 'KAFKA', submittedAt: '2026-03-02T09:00:00Z', agency: gmp, rejectionId: 'RJ' },
    context,
  );
  if (decision.kind !== 'opened') throw new Error(decision.kind);
  return decision.requestCase;
}

/** What the translation service would answer for the answer of `state` waiting in the case. */
function translationOf(requestCase: RequestCase, state: string) {
  const pending = requestCase.states.find((s) => s.state === state)!.pendingTranslation!;
  const answer = pending.response;
  return englishRenderingOf({
    translationId: pending.translationId,
    sourceMessageId: answer.header.messageId,
    targetLang: 'en',
    items: [],
    messageType: 'RRS',
    senderState: state,
    sentAt: answer.header.timestamp,
    person: answer.person,
    updatedConvictionReference: null,
    convictions: answer.convictions,
    remarks: answer.remarks,
  });
}

describe('answers from several states, merged per person', () => {
  it('keeps each answer, lists a conviction both states reported once with both as sources, and says where it was convicted', () => {
    let requestCase = dualNational();
    const shared = conviction('FR-C-000000000000001', 'CO-00-250-FRA');
    requestCase = receiveResponse(requestCase, rrs(IT_REQ, 'IT', [conviction('IT-C-000000000000007'), shared]), '2026-03-10T12:00:00Z', context).requestCase;
    requestCase = receiveTranslation(requestCase, translationOf(requestCase, 'IT'), '2026-03-10T12:05:00Z', context).requestCase;
    const partial = responseOf(requestCase, context.policy);
    expect(partial.complete).toBe(false);
    expect(partial.answers.map((a) => [a.state, a.outcome])).toEqual([['IT', 'CONVICTIONS'], ['RO', 'OTHER']]);

    const ro = receiveResponse(requestCase, rrs(RO_REQ, 'RO', [shared]), '2026-03-11T08:00:00Z', context).requestCase;
    const both = receiveTranslation(ro, translationOf(ro, 'RO'), '2026-03-11T08:01:00Z', context);
    const response = both.emits.find((e) => e.schema === 'uk.ecris.agency.PreviousConvictionsResponse')!.value as ReturnType<typeof responseOf>;
    expect(response.complete).toBe(true);
    expect(both.requestCase.stage).toBe('COMPLETE');
    expect(response.answers.map((a) => [a.state, a.outcome, a.convictions.length])).toEqual([['IT', 'CONVICTIONS', 2], ['RO', 'CONVICTIONS', 1]]);
    expect(response.mergedConvictions.map((m) => [m.convictionId, m.convictingState, m.reportedBy.map((r) => r.state)])).toEqual([
      ['IT-C-000000000000007', 'IT', ['IT']],
      ['FR-C-000000000000001', 'FR', ['IT', 'RO']],
    ]);
    expect(response.answers[0]?.convictions[1]).toMatchObject({ answeredBy: 'IT', convictingState: 'FR', sourceMessageId: `IT-GB-RRS-${IT_REQ.slice(-15)}` });
    expect(response.purposeCategoryRef).toBe('P-00-001000');
    expect(response.permittedUse).toMatch(/^Only for the purpose of this request: Criminal proceedings \(case GMP-2026-0001\)/);
  });

  it('puts the English renderings into the convictions as received, keeping the originals', () => {
    let requestCase = dualNational();
    requestCase = receiveResponse(requestCase, rrs(IT_REQ, 'IT', [conviction('IT-C-000000000000007')]), '2026-03-10T12:00:00Z', context).requestCase;
    const original = requestCase.states[0]!.pendingTranslation!.response.convictions[0]!;
    requestCase = receiveTranslation(requestCase, translationOf(requestCase, 'IT'), '2026-03-10T12:05:00Z', context).requestCase;
    const delivered = requestCase.states[0]!.answer!.convictions[0]!.conviction;
    const title = original.offences[0]!.nationalTitle;
    expect(delivered.offences[0]?.nationalTitle).toEqual([...title, { lang: 'en', translated: true, text: `EN(${title[0]!.text})` }]);
    expect(delivered.decidingAuthority.name.slice(0, -1)).toEqual(original.decidingAuthority.name);
    expect(delivered.decidingAuthority.name.at(-1)).toMatchObject({ lang: 'en', translated: true });
    expect(delivered.offences[0]?.applicableLegalProvisions).toBe(original.offences[0]!.applicableLegalProvisions);
  });

  it('offers the other member states an answer names, not those already asked or ourselves', () => {
    let requestCase = dualNational();
    requestCase = receiveResponse(requestCase, rrs(IT_REQ, 'IT', [], ['DE', 'RO', 'GB', 'NL']), '2026-03-10T12:00:00Z', context).requestCase;
    requestCase = receiveResponse(requestCase, rrs(RO_REQ, 'RO', [], ['DE']), '2026-03-10T13:00:00Z', context).requestCase;
    expect(followUpsOf(requestCase, 'GB')).toEqual([
      { state: 'DE', suggestedBy: ['IT', 'RO'] },
      { state: 'NL', suggestedBy: ['IT'] },
    ]);
    expect(responseOf(requestCase, context.policy).answers.map((a) => a.outcome)).toEqual(['NO_CONVICTIONS', 'NO_CONVICTIONS']);
  });
});
