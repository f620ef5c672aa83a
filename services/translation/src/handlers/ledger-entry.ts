import { groupIdOf } from '@ecris/contracts';
import type { LedgerEntry } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import type { ServiceConfig } from '@ecris/service-kit';

/** The ledger coordinates of the record being handled, under the group the runner consumes as. */
export function ledgerEntryOf(context: EcrisContext, config: ServiceConfig): LedgerEntry {
  const { record, partitionEpoch } = context.message;
  if (partitionEpoch === undefined) throw new Error('translation needs claimPartitions: no partition epoch was given');
  return {
    group: `${config.namespace}${groupIdOf('translation')}`,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    eventId: context.meta.id,
    epoch: partitionEpoch,
  };
}

/** The day a message is read on (its reference codes): the date it was sent, else the record's time. */
export function dayOf(sentAt: string | null, recordTime: string): string {
  const day = (sentAt ?? '').slice(0, 10);
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : recordTime.slice(0, 10);
}
