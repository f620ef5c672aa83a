import type { ApplyOutcome, LedgerEntry, OutboundMessage } from '@ecris/messaging';
import type { MatchThresholds, RegisterReader, RegisterWriter } from '@ecris/register';
import type { CountryOf } from './domain/foreign-notification';
import type { RegisterTables } from './domain/tables';

/** What one record's effect works with: the register, read and written in the ledger's transaction. */
export interface RegisterSession {
  readonly reader: RegisterReader;
  readonly writer: RegisterWriter;
}

export const REGISTER_STORE = Symbol('REGISTER_STORE');

/**
 * Applies a record's effect on the register at most once: the inbox row, the register writes and the
 * outbox rows of the messages `work` returns all commit in one transaction (PostgreSQL or PGlite).
 */
export interface RegisterStore {
  applyOnce(entry: LedgerEntry, work: (session: RegisterSession) => Promise<readonly OutboundMessage[]>): Promise<ApplyOutcome>;
}

export const REGISTER_SETTINGS = Symbol('REGISTER_SETTINGS');

/** Per-message settings: reference data is read as in force on the message's day. */
export interface RegisterSettings {
  readonly tables: RegisterTables;
  readonly thresholds: MatchThresholds;
  /** Our ECRIS wire code (GB), for RAI headers and the UK-national check. */
  ourStateOn(day: string): string;
  countryOfOn(day: string): CountryOf;
}
