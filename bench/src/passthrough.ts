import type { BenchBroker } from './broker';

/**
 * A consume-produce-ack-commit loop from `input` to `output`: the raw kafkajs baseline or our ConsumerRunner.
 * Both report the same two moments, so every figure is measured the same way on both sides.
 */
export interface PassthroughSpec {
  readonly input: string;
  readonly output: string;
  readonly group: string;
  /** Partitions processed at once, the same on both sides. */
  readonly concurrency: number;
  /** Records have been handed to the loop (performance.now()). */
  readonly onConsumed?: (at: number) => void;
  /** Output records with these keys were acknowledged by the broker (performance.now()). */
  readonly onAcked?: (keys: readonly (string | Buffer | null)[], at: number) => void;
}

export interface Passthrough {
  stop(): Promise<void>;
}

export type Side = 'raw' | 'runner';

export type StartPassthrough = (broker: BenchBroker, spec: PassthroughSpec) => Promise<Passthrough>;
