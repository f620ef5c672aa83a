import { loadReferenceData } from '@ecris/reference-data';
import { spanishTranslationRequest } from '../testing/fixtures';
import { codeBookOf } from './code-book';
import { keyOf, textsToTranslate } from './free-texts';
import { deleteFromRegister } from './render-english';
import { decideJob, enteredTranslations, missingTexts, resumeJob, type PendingJob } from './translation-job';
import type { Translation } from './translation-chain';

const codes = codeBookOf(loadReferenceData(), '2025-03-04');
const ENGLISH: Record<string, string> = {
  'Juzgado de lo Penal n.º 3 de Madrid': 'Criminal Court No. 3 of Madrid',
  'Artículo 570 bis del Código Penal': 'Article 570 bis of the Criminal Code',
  'Participación en organización criminal': 'Participation in a criminal organisation',
  'Prisión': 'Imprisonment',
};

function allTranslated(method: Translation['method'] = 'MACHINE'): Map<string, Translation> {
  return new Map(textsToTranslate(spanishTranslationRequest()).map((t) => [keyOf(t), { text: ENGLISH[t.text], method }]));
}

describe('decideJob', () => {
  it('renders the conviction in English once every text is translated, keeping each original', () => {
    const decision = decideJob(spanishTranslationRequest(), allTranslated(), codes);
    if (decision.kind !== 'translated') throw new Error('expected a rendering');
    const [conviction] = decision.rendering.convictions;

    expect(conviction.decidingAuthority.name).toEqual([
      { lang: 'es', translated: null, text: 'Juzgado de lo Penal n.º 3 de Madrid' },
      { lang: 'en', translated: true, text: 'Criminal Court No. 3 of Madrid' },
    ]);
    expect(conviction.offences[0].applicableLegalProvisions).toEqual([
      { lang: 'es', translated: false, text: 'Artículo 570 bis del Código Penal' },
      { lang: 'en', translated: true, text: 'Article 570 bis of the Criminal Code' },
    ]);
    expect(conviction.sanctions[0].nationalTitle.map((t) => [t.lang, t.translated, t.text])).toEqual([
      ['es', null, 'Prisión'],
      ['en', true, 'Imprisonment'],
    ]);
    expect(decision.rendering.items.map((i) => [i.path, i.method])).toContainEqual(['convictions[0].offences[0].nationalTitle[0]', 'MACHINE']);
    expect(decision.rendering).toMatchObject({ sourceMessageId: 'ES-GB-NOT-000000000000020', senderState: 'ES', messageType: 'NOT', targetLang: 'en' });
    expect(decision.rendering.person?.name.surname.text).toBe('Sample');
  });

  it('labels coded fields from the reference tables and never guesses a missing label', () => {
    const decision = decideJob(spanishTranslationRequest(), allTranslated(), codes);
    if (decision.kind !== 'translated') throw new Error('expected a rendering');
    const [conviction] = decision.rendering.convictions;
    expect(conviction.convictingCountry).toEqual({ ref: 'CO-00-724-ESP', known: true, label: 'Spain', labelIsOfficial: false });
    expect(conviction.convictingState).toBe('ES');
    expect(conviction.offences[0].category).toMatchObject({ ref: 'O-00-020200', known: true, label: expect.stringMatching(/criminal organisation/i) });
    expect(conviction.offences[0].levelOfCompletion).toEqual({ ref: 'LC-00-C', known: true, label: null, labelIsOfficial: false });
    expect(codes.label('offence-categories', 'O-00-999900')).toEqual({ ref: 'O-00-999900', known: false, label: null, labelIsOfficial: false });
    expect(conviction.sanctions[0].category.labelIsOfficial).toBe(false);
  });

  it('says when the notification deletes the conviction from the register', () => {
    expect(deleteFromRegister([{ deleteConvictionFromRegister: 'No' }, { deleteConvictionFromRegister: 'Yes' }])).toBe('Yes');
    expect(deleteFromRegister([{ deleteConvictionFromRegister: 'No' }])).toBe('No');
    expect(deleteFromRegister([{ deleteConvictionFromRegister: 'No' }, { deleteConvictionFromRegister: 'UNKNOWN' }])).toBe('UNKNOWN');
  });

  it('asks a person for each missing text once, and keeps what was found', () => {
    const translated = allTranslated();
    translated.delete(keyOf({ lang: 'es', text: 'Prisión' }));
    const decision = decideJob(spanishTranslationRequest(), translated, codes);
    expect(decision).toMatchObject({
      kind: 'needs-review',
      taskId: 'RT-TR-ES-GB-NOT-000000000000020',
      texts: [{ path: 'convictions[0].sanctions[0].nationalTitle[0]', sourceLang: 'es', text: 'Prisión' }],
    });
    if (decision.kind === 'needs-review') expect(Object.keys(decision.translated)).toHaveLength(3);
  });
});

describe('a parked job', () => {
  const request = spanishTranslationRequest();
  const prison = keyOf({ lang: 'es', text: 'Prisión' });
  const partly = allTranslated();
  partly.delete(prison);
  const job: PendingJob = { taskId: 'RT-1', request, translated: Object.fromEntries(partly) };

  it('takes the operator\'s text for a path of the job, and nothing for other paths or blank entries', () => {
    expect(
      enteredTranslations(job, {
        taskId: 'RT-1',
        'en:convictions[0].sanctions[0].nationalTitle[0]': ' Imprisonment ',
        'en:convictions[0].offences[7].nationalTitle[0]': 'Nothing there',
        'en:convictions[0].decidingAuthority.name[0]': ' ',
      }),
    ).toEqual([{ sourceLang: 'es', sourceText: 'Prisión', translatedText: 'Imprisonment' }]);
  });

  it('resumes once the memory holds what was missing, marking it HUMAN', () => {
    expect(missingTexts(job).map(keyOf)).toEqual([prison]);
    expect(resumeJob(job, new Map(), codes).kind).toBe('needs-review');
    const decision = resumeJob(job, new Map([[prison, 'Imprisonment']]), codes);
    if (decision.kind !== 'translated') throw new Error('expected a rendering');
    expect(decision.rendering.items.find((i) => i.path === 'convictions[0].sanctions[0].nationalTitle[0]')).toMatchObject({ text: 'Imprisonment', method: 'HUMAN' });
  });
});
