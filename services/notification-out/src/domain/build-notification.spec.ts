import { validateMessage } from '@ecris/ecris-model';
import type { Notification } from '@ecris/contracts';
import { decisionEnv, recorded } from '../testing/fixtures';
import { buildNotification, notifiableContent, type NotifiableConviction } from './build-notification';
import type { LaterDecision } from './model';

const target = { messageId: 'GB-FR-NOT-000000000000042', receiver: 'FR', timestamp: '2025-03-04T10:15:00.000Z', kind: 'INITIAL' as const };

function conviction(changes: Parameters<typeof recorded>[1] = {}, laterDecisions: LaterDecision[] = []): NotifiableConviction {
  return { convictionReference: 'T20250001', ecrisConvictionId: 'GB-C-000000000000001', laterDecisions, conviction: recorded('T20250001', changes).conviction };
}

describe('buildNotification', () => {
  it('builds a complete, valid NOT from the court record (scenario 1)', () => {
    const { body, problems } = buildNotification(conviction(), target, decisionEnv());
    expect(problems).toEqual([]);
    expect(validateMessage('NOT', body as Notification)).toEqual([]);
    expect(body.header).toEqual({ messageId: target.messageId, timestamp: target.timestamp, responseTo: null, sender: 'GB', receiver: 'FR' });
    expect(body.updatedConvictionReference).toBeNull();
    expect(body.person).toMatchObject({
      name: { forename: { lang: null, text: 'Jean Pierre' }, surname: { lang: null, text: 'Exemple' }, fullName: { text: 'Jean Pierre Exemple' } },
      sex: 'MALE',
      birthDate: { year: 1990, month: 5, day: 17 },
      birthPlace: { countryRef: 'CO-00-250-FRA', townName: [{ text: 'Lyon' }] },
      nationalityRefs: ['CO-00-250-FRA', 'CO-00-372-IRL'],
      remarks: [{ lang: 'en', translated: false, text: 'Other names recorded: John Example.' }],
    });
    expect(body.conviction).toMatchObject({
      convictionId: 'GB-C-000000000000001',
      convictingCountryRef: 'CO-00-826-GBR',
      fileNumber: 'T20250001',
      decisionDate: '2025-02-10',
      decisionFinalDate: '2025-02-24',
      decidingAuthority: { code: '2731', name: [{ lang: 'en', translated: false, text: 'Manchester Crown Court' }] },
      decisions: [{ decisionId: 'D-00001', changeTypeRefs: [], deleteConvictionFromRegister: 'No' }],
      decisionToOffences: [{ decisionId: 'D-00001', offenceIds: ['O-00001'] }],
      decisionToSanctions: [{ decisionId: 'D-00001', sanctionIds: ['S-00001'] }],
      sanctionToOffences: [{ sanctionId: 'S-00001', offenceIds: ['O-00001'] }],
    });
    expect(body.conviction.offences[0]).toMatchObject({
      commonCategoryRef: 'O-00-020200',
      nationalCategoryCode: 'SC15001',
      applicableLegalProvisions: 'Serious Crime Act 2015 s.45',
      nationalTitle: [{ lang: 'en', translated: false, text: 'Participating in activities of an organised crime group' }],
      startDate: { year: 2024, month: 6, day: 1 },
      levelOfCompletionRef: 'LC-00-C',
      levelOfParticipationRef: 'LP-00-M',
      remarks: [{ lang: 'en', translated: false, text: 'Place: Manchester.' }],
    });
    expect(body.conviction.sanctions[0]).toMatchObject({
      commonCategoryRef: 'S-00-001001',
      natureRef: 'N-00-0',
      nationalCategoryCode: '1002',
      nationalTitle: [{ lang: 'en', translated: false, text: 'Imprisonment 3 years' }],
      sentencedPeriod: { startDate: '2025-02-10', duration: 'P3Y', endDate: null, durationExact: 'Yes' },
    });
  });

  it('gives every EU state the same conviction content (scenario 2)', () => {
    const fr = buildNotification(conviction(), target, decisionEnv()).body;
    const ie = buildNotification(conviction(), { ...target, messageId: 'GB-IE-NOT-000000000000043', receiver: 'IE' }, decisionEnv()).body;
    expect(ie.conviction).toEqual(fr.conviction);
    expect(ie.person).toEqual(fr.person);
  });

  it('falls back to the open category of the group when no sub-category fits (scenario 6)', () => {
    const offences = [{ ...recorded('x').conviction.offences[0]!, ukOffenceCode: 'MS15002', statute: 'Modern Slavery Act 2015 s.2', title: 'Human trafficking' }];
    const { body, problems } = buildNotification(conviction({ offences }), target, decisionEnv());
    expect(problems).toEqual([]);
    expect(body.conviction.offences[0]!.commonCategoryRef).toBe('O-00-040000');
  });

  it.each([
    [
      'an offence with no known group',
      { offences: [{ ...recorded('x').conviction.offences[0]!, ukOffenceCode: 'TH68001', statute: 'Theft Act 1968 s.1' }] },
      [{ code: 'OFFENCE_UNCLASSIFIED', nationalCode: 'TH68001' }],
    ],
    [
      'an unlisted disposal',
      { sentences: [{ ...recorded('x').conviction.sentences[0]!, disposalCode: '1116' }] },
      [{ code: 'SENTENCE_UNCLASSIFIED', nationalCode: '1116' }],
    ],
    ['a conviction not yet final', { finalDate: null }, [{ code: 'INCOMPLETE', path: 'conviction.decisionFinalDate' }]],
    ['no place of birth', { person: { placeOfBirthTown: null } }, [{ code: 'INCOMPLETE', path: 'person.birthPlace.townName' }]],
    ['a birth country without an ECRIS reference', { person: { placeOfBirthCountry: 'US' } }, [{ code: 'INCOMPLETE', path: 'person.birthPlace.countryRef' }]],
  ])('holds, never guesses: %s', (_what, changes, expected) => {
    const { problems } = buildNotification(conviction(changes), target, decisionEnv());
    expect(problems).toEqual(expected.map((reason) => expect.objectContaining(reason)));
    // What operators read names codes and paths, never the person.
    for (const problem of problems) expect(problem.message).not.toMatch(/Jean|Exemple|Lyon|1990/);
  });

  it('marks an update with the conviction it updates and carries the later decisions in order (scenarios 4, 5)', () => {
    const later: LaterDecision[] = [
      { changeTypeRef: 'DCH-00-E', decisionDate: '2025-05-30', decidingCourt: { code: null, name: 'Court of Appeal (Criminal Division)' }, deleteFromRegister: false, remark: 'Sentence varied.' },
      { changeTypeRef: 'DCH-00-Y', decisionDate: '2025-08-28', decidingCourt: null, deleteFromRegister: true, remark: 'Quashed.' },
    ];
    const { body, problems } = buildNotification(conviction({}, later), { ...target, kind: 'UPDATE' }, decisionEnv());
    expect(problems).toEqual([]);
    expect(body.updatedConvictionReference).toEqual({ ecrisConvictionId: 'GB-C-000000000000001', njrConvictionReference: null, externalConviction: null });
    expect(body.conviction.decisions.map((d) => [d.decisionId, d.changeTypeRefs, d.deleteConvictionFromRegister])).toEqual([
      ['D-00001', [], 'No'],
      ['D-00002', ['DCH-00-E'], 'No'],
      ['D-00003', ['DCH-00-Y'], 'Yes'],
    ]);
    expect(body.conviction.decisions[1]!.decidingAuthority).toEqual({ code: null, name: [{ lang: 'en', translated: false, text: 'Court of Appeal (Criminal Division)' }] });
    // The sanctions as they now stand were imposed by the variation.
    expect(body.conviction.decisionToSanctions).toEqual([{ decisionId: 'D-00002', sanctionIds: ['S-00001'] }]);
  });

  it('tells in words what no loaded code can say: an attempt, a suspension, a role, a fine in pounds', () => {
    const base = recorded('x').conviction;
    const { body, problems } = buildNotification(
      conviction({
        offences: [{ ...base.offences[0]!, attempted: true, participation: 'aider-abettor', place: null }],
        sentences: [
          { ...base.sentences[0]!, disposalCode: '1115', description: 'Suspended imprisonment 18 months', duration: 'P18M', suspendedFor: 'P2Y', startDate: null },
          { sentenceSeq: '2', offenceSeqs: ['1'], disposalCode: '1015', description: 'Fine', duration: null, suspendedFor: null, fineAmount: '250.00', startDate: null },
        ],
      }),
      target,
      decisionEnv(),
    );
    expect(problems).toEqual([]);
    expect(body.conviction.offences[0]).toMatchObject({
      levelOfCompletionRef: 'LC-00-0',
      levelOfParticipationRef: 'LP-00-0',
      remarks: [{ text: 'Attempt. Participation: aider-abettor.' }],
    });
    expect(body.conviction.sanctions[0]).toMatchObject({
      remarks: [{ text: 'Suspended; operational period P2Y (ISO 8601 duration).' }],
      sentencedPeriod: { duration: 'P18M', durationExact: 'Yes' },
      suspension: null,
    });
    expect(body.conviction.sanctions[1]).toMatchObject({
      commonCategoryRef: 'S-00-008001',
      numberOfFines: 1,
      amountOfIndividualFine: '250.00',
      currencyOfFineRef: 'CX-00-826-GBP',
      sentencedPeriod: null,
    });
  });

  it('says a court-martial conviction is one', () => {
    expect(buildNotification(conviction({ courtMartial: true }), target, decisionEnv()).body.conviction.remarks).toEqual([
      { lang: 'en', translated: false, text: 'Service (court-martial) conviction.' },
    ]);
  });

  it('sees a notifiable change in a new sentence but not in a new PNC id', () => {
    const env = decisionEnv();
    const original = notifiableContent(conviction(), env);
    expect(notifiableContent(conviction({ person: { pncId: '2001/0012345A' } }), env)).toBe(original);
    const sentences = [{ ...recorded('x').conviction.sentences[0]!, duration: 'P18M' }];
    expect(notifiableContent(conviction({ sentences }), env)).not.toBe(original);
  });
});
