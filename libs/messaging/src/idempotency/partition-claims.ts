import type { SqlExecutor } from '../postgres/sql-database';

export interface PartitionClaim {
  /** This owner's epoch; pass it to every `applyOnce` for the partition. */
  readonly epoch: number;
  /** Where to seek: the offset after the last applied record, or null when nothing was applied yet. */
  readonly nextOffset: string | null;
}

/** Called when the consumer is assigned a partition, before it processes any record from it. */
export interface PartitionClaims {
  claim(group: string, topic: string, partition: number): Promise<PartitionClaim>;
}

export class PgPartitionClaims implements PartitionClaims {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * One statement, so it is atomic without an explicit transaction: creates the row at epoch 1 or
   * bumps the epoch. From its commit on, any transaction still holding an older epoch is fenced.
   * If an older owner's transaction is mid-flight and has already advanced the progress row, this
   * statement waits for it (row lock) and then returns the progress that transaction made.
   */
  async claim(group: string, topic: string, partition: number): Promise<PartitionClaim> {
    const { rows } = await this.db.query<{ epoch: string; next_offset: string | null }>(
      `INSERT INTO partition_progress (consumer_group, topic, partition, epoch)
       VALUES ($1, $2, $3, 1)
       ON CONFLICT (consumer_group, topic, partition)
       DO UPDATE SET epoch = partition_progress.epoch + 1, claimed_at = now()
       RETURNING epoch, next_offset`,
      [group, topic, partition],
    );
    const row = rows[0];
    if (!row) throw new Error(`Claiming ${topic}[${partition}] returned no row`);
    return { epoch: Number(row.epoch), nextOffset: row.next_offset };
  }
}
