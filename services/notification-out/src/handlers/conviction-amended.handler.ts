import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type ConvictionAmended } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { decideAmended } from '../domain/decide-court-events';
import { existingOf, NotificationFlow } from './notification-flow';

/** An appeal outcome, a sentence variation or a correction: update NOTs (or first ones, or a re-send). */
@Controller()
export class ConvictionAmendedHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.convictionAmended)
  async handle(@Payload() event: ConvictionAmended, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    await this.flow.apply(ctx, async (store, env) => {
      const existing = await existingOf(store, event.convictionReference);
      const classifier = await this.flow.classifierFor(store, [event.conviction, existing.state?.conviction ?? null]);
      return decideAmended(event, existing, { ...env, classifier });
    });
    return [];
  }
}
