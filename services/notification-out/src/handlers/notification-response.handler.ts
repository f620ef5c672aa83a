import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type NotificationResponse } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { answeredNotification, decideNotificationResponse } from '../domain/decide-answers';
import { NotificationFlow } from './notification-flow';

/** NRS: the receiving state acknowledges one of our NOTs, or reports a problem with it. */
@Controller()
export class NotificationResponseHandler {
  constructor(private readonly flow: NotificationFlow) {}

  @EventPattern(SchemaNames.notificationResponse)
  async handle(@Payload() nrs: NotificationResponse, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    const notification = answeredNotification(nrs.header.responseTo, this.flow.sender);
    // ecris.inbound.v1 is shared: an NRS to another state's NOT is not ours (and costs no transaction).
    if (!notification) return [];
    await this.flow.apply(ctx, async (store, env) => decideNotificationResponse(nrs, await store.notification(notification), env));
    return [];
  }
}
