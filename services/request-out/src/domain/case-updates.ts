/** Small, pure edits of a case that every decision shares. */
import type { HistoryEntry, HistoryKind, RequestCase, StateExchange } from './model';

export class UnknownExchangeError extends Error {
  constructor(readonly requestMessageId: string) {
    super(`no exchange for ${requestMessageId} in this case`);
    this.name = 'UnknownExchangeError';
  }
}

export function exchangeIndex(requestCase: RequestCase, requestMessageId: string): number {
  const index = requestCase.states.findIndex((exchange) => exchange.requestMessageId === requestMessageId);
  if (index < 0) throw new UnknownExchangeError(requestMessageId);
  return index;
}

export function withExchange(requestCase: RequestCase, index: number, change: Partial<StateExchange>): RequestCase {
  const states = requestCase.states.map((exchange, i) => (i === index ? { ...exchange, ...change } : exchange));
  return withStage({ ...requestCase, states });
}

export function withHistory(
  requestCase: RequestCase,
  at: string,
  kind: HistoryKind,
  state: string | null,
  messageId: string | null,
  note: string | null = null,
): RequestCase {
  const entry: HistoryEntry = { at, kind, state, messageId, note };
  return { ...requestCase, history: [...requestCase.history, entry] };
}

/** A state has ended its part once it answered or refused our request; an overdue one may still answer. */
export function hasEnded(exchange: StateExchange): boolean {
  return exchange.status === 'ANSWERED' || exchange.status === 'FAILED';
}

/** COMPLETE once every state asked has ended; OPEN before. Other stages are left alone. */
export function withStage(requestCase: RequestCase): RequestCase {
  if (requestCase.stage !== 'OPEN' && requestCase.stage !== 'COMPLETE') return requestCase;
  const stage = requestCase.states.length > 0 && requestCase.states.every(hasEnded) ? 'COMPLETE' : 'OPEN';
  return stage === requestCase.stage ? requestCase : { ...requestCase, stage };
}
