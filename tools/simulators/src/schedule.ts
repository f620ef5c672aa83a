import type { OutboundMessage } from '@ecris/messaging';

/** A record the simulation publishes `atMs` after it starts, to a canonical registry topic. */
export interface ScheduledMessage {
  readonly atMs: number;
  readonly message: OutboundMessage;
  /** Sent as bytes that decode as nothing (deliberate poison), when the simulation injects garbage. */
  readonly garbage?: boolean;
}

/** The wall-clock time of a moment of the simulation: its start plus the offset. */
export function timeAt(start: Date, atMs: number): Date {
  return new Date(start.getTime() + atMs);
}

export function byTime<T extends { readonly atMs: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.atMs - b.atMs);
}
