/** Test input built from the golden fixtures of schemas/ (all personal data in them is invented). */
import { SchemaNames, type OperatorAction, type TranslationRequested } from '@ecris/contracts';
import { loadFixture } from '@ecris/testing';

/** A v2 request for a Spanish NOT about a UK national: court name, one offence, one sanction, in Spanish. */
export function spanishTranslationRequest(messageId = 'ES-GB-NOT-000000000000020'): TranslationRequested {
  const request = loadFixture<TranslationRequested>(SchemaNames.translationRequested, 2);
  request.translationId = `TR-${messageId}`;
  request.sourceMessageId = messageId;
  request.meta = { ...request.meta, correlationId: messageId, subject: messageId };
  return request;
}

/** A v1 request: free-standing texts only. */
export function freeStandingTranslationRequest(): TranslationRequested {
  return loadFixture<TranslationRequested>(SchemaNames.translationRequested, 1);
}

export function operatorActionFixture(): OperatorAction {
  return loadFixture<OperatorAction>(SchemaNames.operatorAction, 2);
}
