import { TransientError } from '@ecris/messaging';
import type { MachineTranslator } from '../ports';

/**
 * Our JSON contract with a machine-translation service (services/translation/README.md):
 * POST <url> {"sourceLang": "es" | null, "targetLang": "en", "texts": [...]}
 *   -> 200 {"translations": [...]}, same length and order.
 * Down, overloaded or slow (network error, timeout, 5xx, 429): transient, the record is retried.
 * Any other answer: the service cannot translate these texts, and a person will.
 */
export class HttpMachineTranslator implements MachineTranslator {
  readonly configured = true;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async translate(sourceLang: string | null, targetLang: string, texts: readonly string[]): Promise<string[] | null> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ sourceLang, targetLang, texts }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // fetch reports a refused connection as a TypeError, which the runner would take for a bug.
      throw new TransientError('MT_UNREACHABLE', `machine translation did not answer: ${(error as Error).name}`, { cause: error });
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new TransientError('MT_UNAVAILABLE', `machine translation answered ${response.status}`);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return null;
    }
    const body = (await response.json().catch(() => null)) as { translations?: unknown } | null;
    const translations = body?.translations;
    const valid = Array.isArray(translations) && translations.length === texts.length && translations.every((t) => typeof t === 'string');
    return valid ? (translations as string[]) : null;
  }
}

/** No machine translation configured: every text the memory lacks goes to a person. */
export const NO_MACHINE_TRANSLATOR: MachineTranslator = {
  configured: false,
  translate: async () => null,
};
