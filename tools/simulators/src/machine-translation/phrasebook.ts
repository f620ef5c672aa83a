/**
 * The machine-translation stand-in's whole knowledge: the English of every phrase the simulated states
 * write (their member-state profiles). A text it does not know it does not pretend to translate.
 */
import { MEMBER_STATE_PROFILES, type MemberStateProfile, type Phrase } from '../data/member-state-profiles';

function phrasesOf(profile: MemberStateProfile): Phrase[] {
  return [
    ...profile.courts,
    profile.appealCourt,
    ...profile.offences.flatMap((offence) => [offence.title, offence.provisions]),
    profile.imprisonment.title,
    profile.fine.title,
    profile.sentenceChanged,
    profile.convictionQuashed,
    profile.criminalProceedings,
    profile.workWithChildren,
  ];
}

export class Phrasebook {
  private readonly english = new Map<string, string>();

  constructor(profiles: readonly MemberStateProfile[] = MEMBER_STATE_PROFILES) {
    for (const profile of profiles) {
      for (const phrase of phrasesOf(profile)) this.english.set(Phrasebook.key(profile.lang, phrase.text), phrase.en);
    }
  }

  /** English for the text, or undefined. A text without a declared language is looked up in every language. */
  toEnglish(sourceLang: string | null, text: string): string | undefined {
    if (sourceLang !== null) return this.english.get(Phrasebook.key(sourceLang, text));
    for (const profile of MEMBER_STATE_PROFILES) {
      const found = this.english.get(Phrasebook.key(profile.lang, text));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private static key(lang: string, text: string): string {
    return `${lang}\u0000${text.trim()}`;
  }
}
