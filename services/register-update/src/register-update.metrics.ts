import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { SqlDatabase } from '@ecris/messaging';
import { DATABASE, SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';

/** register-update's own metrics, beside the kit's consumed/produced/dead-lettered/latency. */
@Injectable()
export class RegisterUpdateMetrics {
  private readonly changes: Counter<'origin' | 'change'>;
  private readonly matches: Counter<'origin' | 'outcome'>;
  private readonly duplicates: Counter;

  constructor(@Inject(SERVICE_METRICS) metrics: ServiceMetrics, @Inject(DATABASE) db: SqlDatabase) {
    const registers = [metrics.registry];
    this.changes = new Counter({
      name: 'ecris_register_changes_total',
      help: 'Register changes applied, by origin (UK, FOREIGN) and change (CREATED, REPLACED, SANCTIONS_VARIED, DELETED, DEFERRED).',
      labelNames: ['origin', 'change'],
      registers,
    });
    this.matches = new Counter({
      name: 'ecris_register_person_matches_total',
      help: 'Person matches, by origin and outcome (one, none, several).',
      labelNames: ['origin', 'outcome'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'ecris_register_duplicates_total',
      help: 'Records whose effect was already applied (found in the inbox) and so were skipped.',
      registers,
    });
    // The operators' queue, read from the register when scraped: how many wait, and for how long.
    const oldest = new Gauge({
      name: 'ecris_register_awaiting_identification_oldest_seconds',
      help: 'Age of the oldest conviction waiting for identification (0 when none).',
      registers,
    });
    new Gauge({
      name: 'ecris_register_awaiting_identification',
      help: 'Notified convictions stored without a person, waiting for an operator or an RAR.',
      registers,
      async collect() {
        const { rows } = await db.query<{ count: string; oldest: number | null }>(
          `SELECT count(*)::text AS count, extract(epoch FROM now() - min(notified_at))::float8 AS oldest
             FROM register.convictions WHERE identification = 'AWAITING_IDENTIFICATION'`,
        );
        this.set(Number(rows[0]?.count ?? 0));
        oldest.set(rows[0]?.oldest ?? 0);
      },
    });
  }

  changed(origin: 'UK' | 'FOREIGN', change: string): void {
    this.changes.inc({ origin, change });
  }

  matched(origin: 'UK' | 'FOREIGN', outcome: string): void {
    this.matches.inc({ origin, outcome });
  }

  duplicate(): void {
    this.duplicates.inc();
  }
}
