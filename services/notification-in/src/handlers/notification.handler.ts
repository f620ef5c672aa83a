import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { groupIdOf, SchemaNames, type Notification } from '@ecris/contracts';
import { deriveMeta, PoisonError, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import { KeepErrorsFilter, type EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import { receiveNotification, type Reception } from '../domain/receive-notification';
import { messageDay, type ReceptionSettingsFor } from '../adapters/reception-settings';
import { RECEIVED_NOTIFICATIONS, RECEPTION_SETTINGS, type ReceivedNotifications } from '../ports';
import { replySerialFor } from '../reply-serial';
import { NotificationInMetrics } from '../notification-in.metrics';

const SOURCE = '/ecris-exchange/notification-in';

/**
 * NOTs on ecris.inbound.v1 (the other message types there are for other services and are passed over).
 * Validates, answers (NRS or FEM), stores the message as received and asks for its translation, all
 * in one transaction through the outbox; a second delivery of the same ECRIS message causes nothing.
 */
@Controller()
// The kit registers KeepErrorsFilter globally after Nest has built the handlers, where it has no effect:
// without it here a PoisonError or TransientError reaches the runner as an unclassified bug.
@UseFilters(new KeepErrorsFilter())
export class NotificationHandler {
  constructor(
    @Inject(RECEPTION_SETTINGS) private readonly settingsFor: ReceptionSettingsFor,
    @Inject(RECEIVED_NOTIFICATIONS) private readonly received: ReceivedNotifications,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: NotificationInMetrics,
  ) {}

  @EventPattern(SchemaNames.notification)
  async handle(@Payload() notification: Notification, @Ctx() context: EcrisContext): Promise<OutboundMessage[]> {
    const { header } = notification;
    const settings = this.settingsFor(messageDay(header.timestamp, context.meta.time));
    const reception = receiveNotification(notification, settings, replySerialFor(header.messageId), context.meta.time);
    if (reception.outcome === 'UNANSWERABLE') {
      throw new PoisonError('validation', 'UNANSWERABLE_NOTIFICATION', `NOT cannot be answered: ${reception.reason}`);
    }
    const { record, partitionEpoch, batch } = context.message;
    const stored = await this.received.storeOnce(
      {
        group: `${this.config.namespace}${groupIdOf('notification-in')}`,
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        eventId: context.meta.id,
        epoch: partitionEpoch!,
        // In batch mode the record joins its partition batch's transaction (definition: applyInBatches).
        batch,
      },
      {
        messageId: header.messageId,
        senderState: header.sender,
        sentAt: header.timestamp,
        outcome: reception.outcome,
        replyMessageId: reception.reply.value.header.messageId,
        rawValue: record.value!,
      },
      outputsOf(reception, header.messageId, context.meta),
    );
    // Counted once committed: a batch that rolls back is applied again record by record.
    context.message.afterCommit(() => {
      this.metrics.received(stored === 'stored' ? reception.outcome : 'DUPLICATE');
      context.log.info({ outcome: reception.outcome, stored, reply: reception.reply.value.header.messageId }, 'notification received');
    });
    // Everything goes out through the outbox, committed with the stored row.
    return [];
  }
}

function outputsOf(reception: Exclude<Reception, { outcome: 'UNANSWERABLE' }>, exchangeId: string, cause: EventMeta): OutboundMessage[] {
  const meta = (step: string, type: string) => deriveMeta(cause, { step, source: SOURCE, type, time: cause.time, subject: exchangeId });
  const { reply, translation } = reception;
  const outputs: OutboundMessage[] = [
    reply.type === 'FEM'
      ? { topic: 'ecris.outbound.v1', key: exchangeId, schema: SchemaNames.functionalError, value: reply.value, meta: meta('fem', 'uk.ecris.functional-error.sent.v1') }
      : {
          topic: 'ecris.outbound.v1',
          key: exchangeId,
          schema: SchemaNames.notificationResponse,
          value: reply.value,
          meta: meta('nrs', reception.outcome === 'ACKNOWLEDGED' ? 'uk.ecris.notification.acknowledged.v1' : 'uk.ecris.notification.problem-reported.v1'),
        },
  ];
  if (translation) {
    outputs.push({
      topic: 'exchange.notification-in.translation-requested.v1',
      key: exchangeId,
      schema: SchemaNames.translationRequested,
      value: translation,
      meta: meta('translation-requested', 'uk.ecris.exchange.translation-requested.v1'),
    });
  }
  return outputs;
}
