/**
 * Which free texts of a received message need an English rendering, and where each one sits.
 * Court names, national titles, legal provisions and remarks are free text; names, places and
 * identifiers of the person are not (they identify, and are never translated). One English rendering
 * per multilingual text: when the sender already gave an English one, nothing is translated.
 */
import type { Conviction, TextRepresentation, TranslationRequested } from '@ecris/contracts';

export type TranslationRequest = Omit<TranslationRequested, 'meta'>;

export const ENGLISH = 'en';

/** One text to render in English, at the path its translation is filed under. */
export interface SourceText {
  readonly path: string;
  /** ISO 639-1 as the sender declared it; null when it declared none. */
  readonly lang: string | null;
  readonly text: string;
}

/**
 * Texts with the same language and wording share one translation (and one memory entry). A JSON pair:
 * unambiguous, and storable in jsonb (which refuses the NUL a plain separator would tempt one to use).
 */
export function keyOf(text: { readonly lang: string | null; readonly text: string }): string {
  return JSON.stringify([text.lang ?? '', text.text]);
}

/**
 * The representation to translate, by index; null when there is nothing to do (an English one is
 * there, or the text is absent). The first one is the sender's own wording.
 */
export function representationToTranslate(representations: readonly TextRepresentation[]): number | null {
  if (representations.length === 0 || representations.some((r) => r.lang === ENGLISH)) return null;
  return 0;
}

/**
 * The language of a conviction's plain-string texts (ECRIS gives legal provisions no language): the
 * first language the sender declared on any of its multilingual texts; null when it declared none.
 */
export function declaredLanguageOf(conviction: Conviction): string | null {
  const texts = [
    ...conviction.decidingAuthority.name,
    ...conviction.offences.flatMap((o) => [...o.nationalTitle, ...o.remarks]),
    ...conviction.sanctions.flatMap((s) => s.nationalTitle),
    ...conviction.remarks,
  ];
  return texts.find((t) => t.lang !== null)?.lang ?? null;
}

/** Every text the request needs rendered: the free-standing items, then the convictions' and the message's. */
export function textsToTranslate(request: TranslationRequest): SourceText[] {
  const found: SourceText[] = request.items
    .filter((item) => item.sourceLang !== ENGLISH)
    .map((item) => ({ path: item.path, lang: item.sourceLang, text: item.text }));
  const multilingual = (path: string, representations: readonly TextRepresentation[]) => {
    const index = representationToTranslate(representations);
    if (index !== null) found.push({ path: `${path}[${index}]`, lang: representations[index].lang, text: representations[index].text });
  };

  request.convictions.forEach((conviction, c) => {
    const at = `convictions[${c}]`;
    const language = declaredLanguageOf(conviction);
    multilingual(`${at}.decidingAuthority.name`, conviction.decidingAuthority.name);
    multilingual(`${at}.remarks`, conviction.remarks);
    conviction.decisions.forEach((decision, d) => {
      if (decision.decidingAuthority) multilingual(`${at}.decisions[${d}].decidingAuthority.name`, decision.decidingAuthority.name);
      multilingual(`${at}.decisions[${d}].remarks`, decision.remarks);
    });
    conviction.offences.forEach((offence, o) => {
      if (language !== ENGLISH) found.push({ path: `${at}.offences[${o}].applicableLegalProvisions`, lang: language, text: offence.applicableLegalProvisions });
      multilingual(`${at}.offences[${o}].nationalTitle`, offence.nationalTitle);
      multilingual(`${at}.offences[${o}].remarks`, offence.remarks);
    });
    conviction.sanctions.forEach((sanction, s) => {
      multilingual(`${at}.sanctions[${s}].nationalTitle`, sanction.nationalTitle);
      multilingual(`${at}.sanctions[${s}].remarks`, sanction.remarks);
      if (sanction.suspension) multilingual(`${at}.sanctions[${s}].suspension.remarks`, sanction.suspension.remarks);
      sanction.interruptions.forEach((interruption, i) => multilingual(`${at}.sanctions[${s}].interruptions[${i}].remarks`, interruption.remarks));
    });
  });
  multilingual('remarks', request.remarks);
  // A blank text has nothing to translate; it is rendered as it came.
  return found.filter((text) => text.text.trim() !== '');
}
