export { FencedError } from './fenced-error';
export { assertOffset } from './offsets';
export { PgPartitionClaims, type PartitionClaim, type PartitionClaims } from './partition-claims';
export type { ApplyOutcome, BatchScope, Effect, EffectLedger, LedgerBatch, LedgerBatches, LedgerEntry } from './effect-ledger';
export { PerBatch } from './per-batch';
export { PgLedgerBatches } from './pg-ledger-batches';
export { PgEffectLedger } from './pg-effect-ledger';
export { pruneInbox } from './prune-inbox';
