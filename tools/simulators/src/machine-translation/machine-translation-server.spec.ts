import { MEMBER_STATE_PROFILES } from '../data/member-state-profiles';
import { startMachineTranslationServer, type MachineTranslationServer } from './machine-translation-server';
import { Phrasebook } from './phrasebook';

describe('the machine-translation stand-in', () => {
  let server: MachineTranslationServer;

  beforeAll(async () => {
    server = await startMachineTranslationServer();
  });

  afterAll(async () => {
    await server.close();
  });

  const post = (body: unknown) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('knows the English of every phrase the simulated states write', () => {
    const phrasebook = new Phrasebook();
    for (const profile of MEMBER_STATE_PROFILES) {
      for (const offence of profile.offences) expect(phrasebook.toEnglish(profile.lang, offence.title.text)).toBe(offence.title.en);
      // ECRIS legal provisions carry no language of their own: found in any language.
      expect(phrasebook.toEnglish(null, profile.offences[0]!.provisions.text)).toBe(profile.offences[0]!.provisions.en);
    }
  });

  it('answers the translation service contract: same length, same order', async () => {
    const response = await post({ sourceLang: 'fr', targetLang: 'en', texts: ['Traite des êtres humains', 'Tribunal correctionnel de Lyon'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ translations: ['Trafficking in human beings', 'Lyon Criminal Court'] });
  });

  it('refuses a batch with a text it does not know (the service then asks a person), and malformed requests', async () => {
    const unknown = await post({ sourceLang: 'fr', targetLang: 'en', texts: ['Traite des êtres humains', 'Vol simple'] });
    expect(unknown.status).toBe(422);
    expect((await post({ sourceLang: 'fr', targetLang: 'de', texts: ['Amende'] })).status).toBe(400);
    expect((await post({ sourceLang: 'fr', targetLang: 'en', texts: [1] })).status).toBe(400);
    expect((await fetch(server.url)).status).toBe(405);
    expect(server.stats).toMatchObject({ batches: 2, texts: 2, refused: 1 });
  });
});
