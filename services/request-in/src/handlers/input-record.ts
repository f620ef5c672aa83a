import { groupIdOf } from '@ecris/contracts';
import type { EcrisContext } from '@ecris/messaging-nest';
import type { ServiceConfig } from '@ecris/service-kit';
import type { InputRecord } from '../application/request-exchange';

/** Where the consumed record sits, for the effect ledger (the group must be the one the kit claimed partitions for). */
export function inputRecordOf(context: EcrisContext, config: ServiceConfig): InputRecord {
  const { record, partitionEpoch } = context.message;
  return {
    entry: {
      group: `${config.namespace}${groupIdOf('request-in')}`,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      eventId: context.meta.id,
      epoch: partitionEpoch!,
    },
    meta: context.meta,
  };
}
