import {
  encodeOutbound,
  PgEffectLedger,
  TransientError,
  type ApplyOutcome,
  type AvroCodec,
  type LedgerBatch,
  type LedgerEntry,
  type OutboundMessage,
  type SqlDatabase,
  type SqlExecutor,
} from '@ecris/messaging';
import { RegisterReader, RegisterWriter, VersionConflictError } from '@ecris/register';
import type { RegisterSession, RegisterStore } from '../ports';
import { BatchRegisterWriter } from './batch-register-writer';

/** PostgreSQL unique_violation: two writers created the same conviction or person at once. */
const UNIQUE_VIOLATION = '23505';

/**
 * The register in the kit's database, behind the effect ledger: one transaction holds the inbox row,
 * the register writes and the outbox rows. A write that lost a race (stale version, a row created
 * meanwhile) is transient: the retry reads again and decides again.
 */
export class PgRegisterStore implements RegisterStore {
  private readonly ledger: PgEffectLedger;
  private readonly batchWriters = new WeakMap<LedgerBatch, Promise<BatchRegisterWriter>>();

  constructor(
    db: SqlDatabase,
    private readonly codec: AvroCodec,
    private readonly resolveTopic: (topic: string) => string,
    private readonly maxCandidates?: number,
  ) {
    this.ledger = new PgEffectLedger(db);
  }

  async applyOnce(entry: LedgerEntry, work: (session: RegisterSession) => Promise<readonly OutboundMessage[]>): Promise<ApplyOutcome> {
    try {
      return await this.ledger.applyOnce(entry, async (tx) => {
        const session: RegisterSession = {
          reader: new RegisterReader(tx, this.maxCandidates === undefined ? {} : { maxCandidates: this.maxCandidates }),
          writer: entry.batch ? await this.batchWriterOf(entry.batch, tx) : new RegisterWriter(tx),
        };
        const messages = await work(session);
        return messages.map((message) => encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) }));
      });
    } catch (err) {
      if (err instanceof VersionConflictError) {
        throw new TransientError('REGISTER_VERSION_CONFLICT', 'the conviction changed meanwhile; reading it again', { cause: err });
      }
      if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) {
        throw new TransientError('REGISTER_CREATED_MEANWHILE', 'a row was created meanwhile; reading again', { cause: err });
      }
      throw err;
    }
  }

  /** One writer per ledger batch, made by its first record: it reads ahead for them all and writes their new convictions at commit. */
  private batchWriterOf(batch: LedgerBatch, tx: SqlExecutor): Promise<BatchRegisterWriter> {
    let writer = this.batchWriters.get(batch);
    if (!writer) {
      writer = BatchRegisterWriter.readAhead(tx, batch.scope.values).then((opened) => {
        batch.beforeCommit(() => opened.flush());
        return opened;
      });
      this.batchWriters.set(batch, writer);
    }
    return writer;
  }
}
