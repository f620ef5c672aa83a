import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type FunctionalError } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { answeredNotification, decideFunctionalError } from '../domain/decide-answers';
import { NotificationFlow } from './notification-flow';

/** FEM about one of our NOTs: rejected; an operator gets the error codes. FEMs about requests are request-out's. */
@Controller()
export class FunctionalErrorHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.functionalError)
  async handle(@Payload() fem: FunctionalError, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    const notification = answeredNotification(fem.header.responseTo, this.flow.sender);
    if (!notification) return [];
    await this.flow.apply(ctx, async (store, env) => decideFunctionalError(fem, await store.notification(notification), env));
    return [];
  }
}
