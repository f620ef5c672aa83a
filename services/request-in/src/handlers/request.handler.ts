import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type Request } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import type { RequestExchange } from '../application/request-exchange';
import { REQUEST_EXCHANGE } from '../ports';
import { RequestInMetrics } from '../request-in.metrics';
import { inputRecordOf } from './input-record';

/** REQs on ecris.inbound.v1: RDL and RRS (or RAI, or FEM) through the outbox, once per ECRIS request id. */
@Controller()
export class RequestHandler {
  constructor(
    @Inject(REQUEST_EXCHANGE) private readonly exchange: RequestExchange,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: RequestInMetrics,
  ) {}

  @EventPattern(SchemaNames.request)
  async handle(@Payload() request: Request, @Ctx() context: EcrisContext): Promise<OutboundMessage[]> {
    const outcome = await this.exchange.receiveRequest(request, inputRecordOf(context, this.config));
    this.metrics.request(outcome);
    context.log.info({ request: request.header.messageId, from: request.header.sender, outcome }, 'request received');
    return []; // everything goes out through the outbox, committed with our row
  }
}
