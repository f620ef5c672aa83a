/**
 * A translation job from request to English rendering: finished at once when the memory and the
 * machine cover every text; otherwise parked with a review task until an operator supplies the rest.
 */
import type { TextToTranslate } from '@ecris/contracts';
import type { CodeBook } from './code-book';
import { keyOf, textsToTranslate, type SourceText, type TranslationRequest } from './free-texts';
import { renderEnglish, type EnglishRendering } from './render-english';
import type { Translation } from './translation-chain';

/** A job waiting for a person: the request, and the translations found so far (by text key). */
export interface PendingJob {
  readonly taskId: string;
  readonly request: TranslationRequest;
  readonly translated: Readonly<Record<string, Translation>>;
}

export type JobDecision =
  | { readonly kind: 'translated'; readonly rendering: EnglishRendering }
  | { readonly kind: 'needs-review'; readonly taskId: string; readonly texts: TextToTranslate[]; readonly translated: Record<string, Translation> };

export function taskIdOf(translationId: string): string {
  return `RT-${translationId}`;
}

/** A request with nothing to translate or render is a malformed request, not an empty answer. */
export function isEmptyRequest(request: TranslationRequest): boolean {
  return request.items.length === 0 && request.convictions.length === 0 && request.person === null && request.remarks.length === 0;
}

export function decideJob(request: TranslationRequest, translated: ReadonlyMap<string, Translation>, codes: CodeBook): JobDecision {
  const missing = distinctByKey(textsToTranslate(request).filter((text) => !translated.has(keyOf(text))));
  if (missing.length === 0) return { kind: 'translated', rendering: renderEnglish(request, translated, codes) };
  return {
    kind: 'needs-review',
    taskId: taskIdOf(request.translationId),
    texts: missing.map((text) => ({ path: text.path, sourceLang: text.lang, text: text.text })),
    translated: Object.fromEntries(translated),
  };
}

/** Each distinct text of the job that no translation covers yet. */
export function missingTexts(job: PendingJob): SourceText[] {
  return distinctByKey(textsToTranslate(job.request).filter((text) => !(keyOf(text) in job.translated)));
}

/** Resumes a parked job with what the memory now holds (the operator's texts among it). */
export function resumeJob(job: PendingJob, memory: ReadonlyMap<string, string>, codes: CodeBook): JobDecision {
  const translated = new Map<string, Translation>(Object.entries(job.translated));
  for (const [key, text] of memory) if (!translated.has(key)) translated.set(key, { text, method: 'HUMAN' });
  return decideJob(job.request, translated, codes);
}

/** A reviewed translation to keep in the memory. */
export interface MemoryEntry {
  readonly sourceLang: string | null;
  readonly sourceText: string;
  readonly translatedText: string;
}

/** The details key under which an operator enters the English of the text at `path`. */
export const ENTERED_TEXT_PREFIX = 'en:';

/**
 * The translations an operator entered for a job (`details` of a TRANSLATION_ENTERED action:
 * `en:<path>` -> English). Paths that name no text of the job, and blank entries, are ignored.
 */
export function enteredTranslations(job: PendingJob, details: Readonly<Record<string, string>>): MemoryEntry[] {
  const byPath = new Map(textsToTranslate(job.request).map((text) => [text.path, text]));
  const entries = new Map<string, MemoryEntry>();
  for (const [name, value] of Object.entries(details)) {
    if (!name.startsWith(ENTERED_TEXT_PREFIX) || value.trim() === '') continue;
    const source = byPath.get(name.slice(ENTERED_TEXT_PREFIX.length));
    if (source) entries.set(keyOf(source), { sourceLang: source.lang, sourceText: source.text, translatedText: value.trim() });
  }
  return [...entries.values()];
}

function distinctByKey(texts: readonly SourceText[]): SourceText[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = keyOf(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
