/** ecris.inbound.v1: the answers other states send about our requests. Other types are passed over. */
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  SchemaNames,
  type FunctionalError,
  type RequestAdditionalInfo,
  type RequestDeadline,
  type RequestResponse,
} from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { answerAdditionalInfo } from '../domain/additional-info';
import { receiveResponse, recordTheirDeadline } from '../domain/answers';
import type { DecisionContext } from '../domain/context';
import { receiveFunctionalError } from '../domain/functional-error';
import { DECISION_CONTEXT } from '../ports';
import { InboundAnswers } from './inbound-answers';

@Controller()
export class EcrisAnswersHandler {
  constructor(
    private readonly answers: InboundAnswers,
    @Inject(DECISION_CONTEXT) private readonly context: DecisionContext,
  ) {}

  @EventPattern(SchemaNames.requestDeadline)
  onDeadline(@Payload() value: RequestDeadline, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    return this.answers.handle('RDL', value, ctx, (requestCase, rdl, at) => recordTheirDeadline(requestCase, rdl, at));
  }

  @EventPattern(SchemaNames.requestResponse)
  onResponse(@Payload() value: RequestResponse, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    return this.answers.handle('RRS', value, ctx, (requestCase, rrs, at) => receiveResponse(requestCase, rrs, at, this.context));
  }

  @EventPattern(SchemaNames.requestAdditionalInfo)
  onAdditionalInfo(@Payload() value: RequestAdditionalInfo, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    return this.answers.handle('RAI', value, ctx, (requestCase, rai, at) => answerAdditionalInfo(requestCase, rai, at, this.context));
  }

  @EventPattern(SchemaNames.functionalError)
  onFunctionalError(@Payload() value: FunctionalError, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    return this.answers.handle('FEM', value, ctx, (requestCase, fem, at) => receiveFunctionalError(requestCase, fem, at, this.context));
  }
}
