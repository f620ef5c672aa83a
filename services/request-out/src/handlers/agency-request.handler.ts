/** agency.requests.v1: a UK agency's request (put there by the agency, or by our HTTP API). */
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type PreviousConvictionsRequest } from '@ecris/contracts';
import type { OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { ExactlyOnce } from '../adapters/exactly-once';
import { toOutbound } from '../adapters/outbound';
import { RequestOutMetrics } from '../adapters/request-out-metrics';
import type { DecisionContext } from '../domain/context';
import { decideSubmission } from '../domain/submit';
import type { RequestOutSettings } from '../config/settings';
import { CASE_STORE, DECISION_CONTEXT, REQUEST_OUT_SETTINGS, type CaseStore } from '../ports';

@Controller()
export class AgencyRequestHandler {
  constructor(
    private readonly exactlyOnce: ExactlyOnce,
    private readonly metrics: RequestOutMetrics,
    @Inject(CASE_STORE) private readonly store: CaseStore,
    @Inject(DECISION_CONTEXT) private readonly context: DecisionContext,
    @Inject(REQUEST_OUT_SETTINGS) private readonly settings: RequestOutSettings,
  ) {}

  @EventPattern(SchemaNames.agencyRequest)
  async onRequest(@Payload() value: PreviousConvictionsRequest, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    const { meta, ...request } = value;
    await this.exactlyOnce.apply(ctx, async (tx) => {
      const existing = await this.store.lockCase(tx, request.requestId);
      const agency = this.settings.agencies.find((candidate) => candidate.id === request.agency.agencyCode);
      const channel = existing?.agencyId === request.agency.agencyCode ? existing.channel : 'KAFKA';
      const decision = decideSubmission(existing, { request, channel, submittedAt: meta.time, agency, rejectionId: `RJ-${meta.id}` }, this.context);
      if (decision.kind === 'duplicate') {
        ctx.log.info({ requestId: request.requestId }, 'request already taken in; nothing sent');
        return [];
      }
      if (decision.requestCase) await this.store.save(tx, decision.requestCase);
      if (decision.kind === 'rejected') {
        const reason = (decision.emits[0]?.value as { reason?: string }).reason ?? 'OTHER';
        ctx.log.warn({ requestId: request.requestId, agency: request.agency.agencyCode, reason }, 'agency request refused');
        this.metrics.refused(reason, channel);
      } else {
        this.metrics.opened(channel, decision.requestCase.states.length);
      }
      return decision.emits.map((emit) => toOutbound(meta, emit, meta.time, request.requestId));
    });
    return [];
  }
}
