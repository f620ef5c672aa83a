import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';
import type { ChainResult } from './domain/translation-chain';
import { TRANSLATION_STATE, type TranslationState } from './ports';

/** translation's own metrics, beside the kit's consumed/produced/dead-lettered/latency. */
@Injectable()
export class TranslationMetrics {
  private readonly texts: Counter<'method'>;
  private readonly completedReviews: Counter;

  constructor(@Inject(SERVICE_METRICS) metrics: ServiceMetrics, @Inject(TRANSLATION_STATE) state: TranslationState) {
    const registers = [metrics.registry];
    this.texts = new Counter({
      name: 'ecris_translation_texts_total',
      help: 'Distinct texts of translation requests, by the link of the chain that translated them: memory, machine, or review (a person).',
      labelNames: ['method'],
      registers,
    });
    this.completedReviews = new Counter({
      name: 'ecris_translation_reviews_completed_total',
      help: 'Review tasks an operator completed, resuming their job.',
      registers,
    });
    new Gauge({
      name: 'ecris_translation_pending_jobs',
      help: 'Translation jobs waiting for a person (open review tasks).',
      registers,
      async collect() {
        this.set(await state.openJobs());
      },
    });
  }

  resolved(chain: ChainResult): void {
    for (const translation of chain.translated.values()) this.texts.inc({ method: translation.method === 'HUMAN' ? 'memory' : 'machine' });
    if (chain.forReview.length > 0) this.texts.inc({ method: 'review' }, chain.forReview.length);
  }

  reviewCompleted(): void {
    this.completedReviews.inc();
  }
}
