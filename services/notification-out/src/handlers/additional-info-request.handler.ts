import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type RequestAdditionalInfo } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { answeredNotification, decideAdditionalInfoRequest } from '../domain/decide-answers';
import { NotificationFlow } from './notification-flow';

/** RAI about one of our NOTs: answered with an RAR from the person we sent. RAIs about requests are request-out's. */
@Controller()
export class AdditionalInfoRequestHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.requestAdditionalInfo)
  async handle(@Payload() rai: RequestAdditionalInfo, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    const notification = answeredNotification(rai.header.responseTo, this.flow.sender);
    if (!notification) return [];
    await this.flow.apply(ctx, async (store, env) => decideAdditionalInfoRequest(rai, await store.notification(notification), env));
    return [];
  }
}
