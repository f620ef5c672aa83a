import type { LedgerEntry, OutboundMessage } from '@ecris/messaging';
import type { MemoryEntry, PendingJob } from './domain/translation-job';
import type { TranslationRequest } from './domain/free-texts';

/** A text as the memory keys it. */
export interface MemoryKey {
  readonly sourceLang: string | null;
  readonly sourceText: string;
}

/** Machine translation (the second link of the chain). */
export interface MachineTranslator {
  /** False when none is configured: the chain goes straight from the memory to a person. */
  readonly configured: boolean;
  /**
   * The translations, in order; null when the service cannot translate these texts (a person will).
   * Throws a transient error when the service is down or overloaded (the record is retried).
   */
  translate(sourceLang: string | null, targetLang: string, texts: readonly string[]): Promise<string[] | null>;
}

/** What an effect may read and write inside its one transaction. */
export interface TranslationWork {
  lookUp(keys: readonly MemoryKey[], targetLang: string): Promise<Map<string, string>>;
  remember(entries: readonly MemoryEntry[], targetLang: string, reviewedBy: string, reviewedAt: string, taskId: string): Promise<void>;
  park(job: PendingJob & { readonly exchangeId: string; readonly raisedAt: string }): Promise<void>;
  /** The open job of a task, locked until the transaction ends; undefined when unknown or completed. */
  openJob(taskId: string): Promise<(PendingJob & { readonly exchangeId: string }) | undefined>;
  complete(taskId: string, at: string): Promise<void>;
}

export interface TranslationState {
  /** Reads the memory outside any transaction (before asking the machine). Keys: `keyOf`. */
  lookUp(keys: readonly MemoryKey[], targetLang: string): Promise<Map<string, string>>;
  /** Runs `effect` once per consumed record; what it returns goes to the outbox in the same transaction. */
  applyOnce(entry: LedgerEntry, effect: (work: TranslationWork) => Promise<readonly OutboundMessage[]>): Promise<'applied' | 'duplicate'>;
  /** Jobs still waiting for a person (a metric). */
  openJobs(): Promise<number>;
}

export type { TranslationRequest };

export const MACHINE_TRANSLATOR = Symbol('MACHINE_TRANSLATOR');
export const TRANSLATION_STATE = Symbol('TRANSLATION_STATE');
export const CODE_BOOKS = Symbol('CODE_BOOKS');
export const TRANSLATION_SETTINGS = Symbol('TRANSLATION_SETTINGS');

export interface TranslationSettings {
  /** How long an operator has for a review task (its dueBy). */
  readonly reviewDueHours: number;
}
