import {
  encodeOutbound,
  PerBatch,
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
import { RegisterReader, RegisterWriter, VersionConflictError, type PersonQuery, type RegisterReaderOptions } from '@ecris/register';
import type { RegisterSession, RegisterStore } from '../ports';
import { BatchRegisterReader } from './batch-register-reader';
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
  private readonly batchSessions = new PerBatch<RegisterSession>();

  constructor(
    db: SqlDatabase,
    private readonly codec: AvroCodec,
    private readonly resolveTopic: (topic: string) => string,
    private readonly options: {
      readonly maxCandidates?: number;
      /** The person searches a batch's records will make, to run them ahead (foreignPersonQueries). */
      readonly personQueriesOf?: (values: readonly unknown[]) => PersonQuery[];
    } = {},
  ) {
    this.ledger = new PgEffectLedger(db);
  }

  async applyOnce(entry: LedgerEntry, work: (session: RegisterSession) => Promise<readonly OutboundMessage[]>): Promise<ApplyOutcome> {
    try {
      return await this.ledger.applyOnce(entry, async (tx) => {
        const session = entry.batch ? await this.batchSessionOf(entry.batch, tx) : { reader: new RegisterReader(tx, this.readerOptions()), writer: new RegisterWriter(tx) };
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

  /**
   * One session per ledger batch, made by its first record: it runs ahead the person searches and
   * conviction lookups of all the batch's records, and writes their new convictions at commit.
   */
  private batchSessionOf(batch: LedgerBatch, tx: SqlExecutor): Promise<RegisterSession> {
    return this.batchSessions.of(batch, async () => {
      const queries = this.options.personQueriesOf?.(batch.scope.values) ?? [];
      const reader = await BatchRegisterReader.readAhead(tx, this.readerOptions(), queries);
      // A person written in the batch may be found by a later search: the searches run ahead no longer hold.
      const writer = await BatchRegisterWriter.readAhead(tx, batch.scope.values, () => reader.forget());
      batch.beforeCommit(() => writer.flush());
      return { reader, writer };
    });
  }

  private readerOptions(): RegisterReaderOptions {
    return this.options.maxCandidates === undefined ? {} : { maxCandidates: this.options.maxCandidates };
  }
}
