import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type RequestAdditionalInfoResponse } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import type { RequestExchange } from '../application/request-exchange';
import { REQUEST_EXCHANGE } from '../ports';
import { RequestInMetrics } from '../request-in.metrics';
import { inputRecordOf } from './input-record';

/** RARs answering our RAIs: search again, then the final RRS. RARs to other services' RAIs are passed over. */
@Controller()
export class AdditionalInfoResponseHandler {
  constructor(
    @Inject(REQUEST_EXCHANGE) private readonly exchange: RequestExchange,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: RequestInMetrics,
  ) {}

  @EventPattern(SchemaNames.requestAdditionalInfoResponse)
  async handle(@Payload() rar: RequestAdditionalInfoResponse, @Ctx() context: EcrisContext): Promise<OutboundMessage[]> {
    const outcome = await this.exchange.receiveAdditionalInfo(rar, inputRecordOf(context, this.config));
    this.metrics.additionalInfoResponse(outcome);
    if (outcome !== 'NOT_OURS') context.log.info({ rar: rar.header.messageId, answering: rar.header.responseTo, outcome }, 'additional information received');
    return [];
  }
}
