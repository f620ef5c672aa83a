import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type Cancellation } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import type { RequestExchange } from '../application/request-exchange';
import { REQUEST_EXCHANGE } from '../ports';
import { RequestInMetrics } from '../request-in.metrics';
import { inputRecordOf } from './input-record';

/** CANs of requests sent to us: a waiting request stops (no RRS follows). CANs of other messages are passed over. */
@Controller()
export class CancellationHandler {
  constructor(
    @Inject(REQUEST_EXCHANGE) private readonly exchange: RequestExchange,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: RequestInMetrics,
  ) {}

  @EventPattern(SchemaNames.cancellation)
  async handle(@Payload() cancellation: Cancellation, @Ctx() context: EcrisContext): Promise<OutboundMessage[]> {
    const outcome = await this.exchange.receiveCancellation(cancellation, inputRecordOf(context, this.config));
    this.metrics.cancellation(outcome);
    if (outcome !== 'NOT_OURS') context.log.info({ cancellation: cancellation.header.messageId, cancels: cancellation.header.responseTo, outcome }, 'cancellation received');
    return [];
  }
}
