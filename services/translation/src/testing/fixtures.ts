/** Test input built from the golden fixtures of schemas/ (all personal data in them is invented). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperatorAction, TranslationRequested } from '@ecris/contracts';

const EXCHANGE_FIXTURES = join(__dirname, '..', '..', '..', '..', 'schemas', 'uk', 'ecris');

function fixture<T>(relative: string): T {
  return JSON.parse(readFileSync(join(EXCHANGE_FIXTURES, relative), 'utf8')) as T;
}

/** A v2 request for a Spanish NOT about a UK national: court name, one offence, one sanction, in Spanish. */
export function spanishTranslationRequest(messageId = 'ES-GB-NOT-000000000000020'): TranslationRequested {
  const request = fixture<TranslationRequested>('exchange/fixtures/TranslationRequested.v2.json');
  request.translationId = `TR-${messageId}`;
  request.sourceMessageId = messageId;
  request.meta = { ...request.meta, correlationId: messageId, subject: messageId };
  return request;
}

/** A v1 request: free-standing texts only. */
export function freeStandingTranslationRequest(): TranslationRequested {
  return fixture<TranslationRequested>('exchange/fixtures/TranslationRequested.v1.json');
}

export function operatorActionFixture(): OperatorAction {
  return fixture<OperatorAction>('ops/fixtures/OperatorAction.v2.json');
}
