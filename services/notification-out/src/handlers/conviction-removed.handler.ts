import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type ConvictionRemoved } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { decideRemoved } from '../domain/decide-court-events';
import { existingOf, NotificationFlow } from './notification-flow';

/** A conviction removed from the record: an update NOT with delete-from-register to every state told of it. */
@Controller()
export class ConvictionRemovedHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.convictionRemoved)
  async handle(@Payload() event: ConvictionRemoved, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    await this.flow.apply(ctx, async (store, env) => {
      const existing = await existingOf(store, event.convictionReference);
      const classifier = await this.flow.classifierFor(store, [existing.state?.conviction ?? null]);
      return decideRemoved(event, existing, { ...env, classifier });
    });
    return [];
  }
}
