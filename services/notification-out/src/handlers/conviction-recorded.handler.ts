import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type ConvictionRecorded } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { decideRecorded } from '../domain/decide-court-events';
import { existingOf, NotificationFlow } from './notification-flow';

/** A new UK conviction: one NOT per EU state of nationality. */
@Controller()
export class ConvictionRecordedHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.convictionRecorded)
  async handle(@Payload() event: ConvictionRecorded, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    await this.flow.apply(ctx, async (store, env) => {
      const existing = await existingOf(store, event.convictionReference);
      const classifier = await this.flow.classifierFor(store, [event.conviction]);
      return decideRecorded(event, existing, { ...env, classifier });
    });
    // The NOTs went to the outbox in the same transaction as their rows; the relay publishes them.
    return [];
  }
}
