import { Inject, Injectable } from '@nestjs/common';
import { groupIdOf } from '@ecris/contracts';
import type { LedgerEntry, OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import type { EffectReport } from '../effects/apply-foreign-notification';
import { REGISTER_STORE, type RegisterSession, type RegisterStore } from '../ports';
import { RegisterUpdateMetrics } from '../register-update.metrics';

/**
 * What every handler does around its effect: run it once through the store (inbox, register, outbox in
 * one transaction), then count what it did, only once it has committed. Handlers return no messages
 * themselves: everything goes out through the outbox.
 */
@Injectable()
export class RegisterEffects {
  constructor(
    @Inject(REGISTER_STORE) private readonly store: RegisterStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: RegisterUpdateMetrics,
  ) {}

  async applyOnce(
    context: EcrisContext,
    origin: 'UK' | 'FOREIGN',
    effect: (session: RegisterSession, report: EffectReport) => Promise<OutboundMessage[]>,
  ): Promise<void> {
    const report: EffectReport = { changes: [] };
    const outcome = await this.store.applyOnce(this.entryOf(context), (session) => {
      // A retried transaction starts its report afresh: only the attempt that commits counts.
      report.changes = [];
      report.match = undefined;
      return effect(session, report);
    });
    // Counted once committed: a batch that rolls back is applied again record by record.
    context.message.afterCommit(() => {
      if (outcome === 'duplicate') {
        this.metrics.duplicate();
      } else {
        for (const { origin: changeOrigin, change } of report.changes) this.metrics.changed(changeOrigin, change);
        if (report.match) this.metrics.matched(origin, report.match);
      }
      context.log.info({ outcome, changes: report.changes.map((c) => c.change), match: report.match }, 'register effect');
    });
  }

  private entryOf(context: EcrisContext): LedgerEntry {
    const { record, partitionEpoch, batch } = context.message;
    if (partitionEpoch === undefined) throw new Error('register-update needs claimPartitions: no partition epoch on the record');
    return {
      group: `${this.config.namespace}${groupIdOf('register-update')}`,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      eventId: context.meta.id,
      epoch: partitionEpoch,
      batch,
    };
  }
}
