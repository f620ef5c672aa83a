import { spanishTranslationRequest } from '../testing/fixtures';
import { keyOf, textsToTranslate } from './free-texts';

describe('textsToTranslate', () => {
  it('finds court names, national titles and legal provisions, each at its path, but no name of the person', () => {
    const texts = textsToTranslate(spanishTranslationRequest());
    expect(texts).toEqual([
      { path: 'convictions[0].decidingAuthority.name[0]', lang: 'es', text: 'Juzgado de lo Penal n.º 3 de Madrid' },
      { path: 'convictions[0].offences[0].applicableLegalProvisions', lang: 'es', text: 'Artículo 570 bis del Código Penal' },
      { path: 'convictions[0].offences[0].nationalTitle[0]', lang: 'es', text: 'Participación en organización criminal' },
      { path: 'convictions[0].sanctions[0].nationalTitle[0]', lang: 'es', text: 'Prisión' },
    ]);
  });

  it('leaves a text alone when the sender also gave it in English, and remarks are found too', () => {
    const request = spanishTranslationRequest();
    request.convictions[0].offences[0].nationalTitle.push({ lang: 'en', translated: true, text: 'Participation in a criminal organisation' });
    request.remarks = [{ lang: 'es', translated: null, text: 'Sin observaciones' }];
    request.convictions[0].sanctions[0].remarks = [{ lang: null, translated: null, text: 'Cumplida' }, { lang: 'ca', translated: true, text: 'Complerta' }];
    const paths = textsToTranslate(request).map((t) => t.path);
    expect(paths).not.toContain('convictions[0].offences[0].nationalTitle[0]');
    expect(paths).toEqual(expect.arrayContaining(['remarks[0]', 'convictions[0].sanctions[0].remarks[0]']));
  });

  it('gives legal provisions the language the sender declared elsewhere, and none to translate when that is English', () => {
    const request = spanishTranslationRequest();
    for (const text of [...request.convictions[0].decidingAuthority.name, ...request.convictions[0].offences[0].nationalTitle, ...request.convictions[0].sanctions[0].nationalTitle]) {
      text.lang = 'en';
    }
    expect(textsToTranslate(request)).toEqual([]);
  });

  it('keys the same wording in the same language once, whatever the path', () => {
    expect(keyOf({ lang: 'es', text: 'Prisión' })).toBe(keyOf({ lang: 'es', text: 'Prisión' }));
    expect(keyOf({ lang: 'es', text: 'Prisión' })).not.toBe(keyOf({ lang: null, text: 'Prisión' }));
  });
});
