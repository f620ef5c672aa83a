/**
 * Applies a consumed record's effect once: the case change and the records it causes are written in
 * one transaction with the inbox row and the partition's progress (the shared ledger), and the outbox
 * relay publishes the records. A redelivery finds the inbox row and changes nothing.
 */
import { Inject, Injectable } from '@nestjs/common';
import { groupIdOf } from '@ecris/contracts';
import { encodeOutbound, PgEffectLedger, type AvroCodec, type OutboundMessage, type SqlDatabase, type SqlExecutor } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { AVRO_CODEC, DATABASE, RESOLVE_TOPIC, SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';

@Injectable()
export class ExactlyOnce {
  private readonly ledger: PgEffectLedger;
  private readonly group: string;

  constructor(
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(AVRO_CODEC) private readonly codec: AvroCodec,
    @Inject(RESOLVE_TOPIC) private readonly resolveTopic: (topic: string) => string,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.ledger = new PgEffectLedger(db);
    // The group id exactly as the runner claims partitions under it.
    this.group = `${config.namespace}${groupIdOf('request-out')}`;
  }

  get database(): SqlDatabase {
    return this.db;
  }

  async apply(ctx: EcrisContext, effect: (tx: SqlExecutor) => Promise<readonly OutboundMessage[]>): Promise<void> {
    const { record, partitionEpoch } = ctx.message;
    if (partitionEpoch === undefined) throw new Error('request-out needs claimed partitions (claimPartitions: true)');
    const outcome = await this.ledger.applyOnce(
      { group: this.group, topic: record.topic, partition: record.partition, offset: record.offset, eventId: ctx.meta.id, epoch: partitionEpoch },
      async (tx) => (await effect(tx)).map((message) => this.encode(message)),
    );
    if (outcome === 'duplicate') ctx.log.info({ eventId: ctx.meta.id }, 'already applied; nothing done');
  }

  /** For effects outside a consumed record (HTTP, the overdue check): the records to put in the outbox. */
  encode(message: OutboundMessage) {
    return encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) });
  }
}
