/**
 * The chain every free text goes through, in this order (services/translation/README.md):
 * (1) the translation memory: an exact match among translations a person reviewed;
 * (2) machine translation, when one is configured;
 * (3) otherwise a person, through a review task.
 * The memory wins over the machine because a person checked it; the machine is asked only for what
 * the memory lacks. Pure: the memory's and the machine's answers come in as data.
 */
import type { TranslationMethod } from '@ecris/contracts';

export interface Translation {
  readonly text: string;
  /** HUMAN: from the reviewed memory or entered by an operator; MACHINE: the MT service. */
  readonly method: Extract<TranslationMethod, 'HUMAN' | 'MACHINE'>;
}

/** What the memory holds for some of the keys (key: `keyOf`), and what the machine answered, if asked. */
export interface ChainAnswers {
  readonly memory: ReadonlyMap<string, string>;
  /** Null when no machine translation is configured, or it could not translate these texts. */
  readonly machine: ReadonlyMap<string, string> | null;
}

export interface ChainResult {
  readonly translated: ReadonlyMap<string, Translation>;
  /** Keys only a person can translate now. */
  readonly forReview: readonly string[];
}

/** The keys to ask the machine for: those the memory does not hold. */
export function keysForMachine(keys: readonly string[], memory: ReadonlyMap<string, string>): string[] {
  return unique(keys).filter((key) => !memory.has(key));
}

export function runChain(keys: readonly string[], answers: ChainAnswers): ChainResult {
  const translated = new Map<string, Translation>();
  const forReview: string[] = [];
  for (const key of unique(keys)) {
    const remembered = answers.memory.get(key);
    const machine = answers.machine?.get(key);
    if (remembered !== undefined) translated.set(key, { text: remembered, method: 'HUMAN' });
    else if (machine !== undefined && machine.trim() !== '') translated.set(key, { text: machine, method: 'MACHINE' });
    else forReview.push(key);
  }
  return { translated, forReview };
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}
