export { FencedError } from './fenced-error';
export { assertOffset } from './offsets';
export { PgPartitionClaims, type PartitionClaim, type PartitionClaims } from './partition-claims';
export type { ApplyOutcome, Effect, EffectLedger, LedgerEntry } from './effect-ledger';
export { PgEffectLedger } from './pg-effect-ledger';
export { pruneInbox } from './prune-inbox';
