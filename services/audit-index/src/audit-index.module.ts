import { Module } from '@nestjs/common';
import type { SqlDatabase } from '@ecris/messaging';
import { DATABASE, SERVICE_METRICS, type ServiceMetrics } from '@ecris/service-kit';
import { PgAuditStore } from './adapters/pg-audit-store';
import { AuditIndexMetrics } from './audit-index.metrics';
import { RawRecordHandler } from './handlers/raw-record.handler';
import { AUDIT_STORE } from './ports';

@Module({
  controllers: [RawRecordHandler],
  providers: [
    {
      provide: AUDIT_STORE,
      inject: [DATABASE, SERVICE_METRICS],
      useFactory: (db: SqlDatabase, metrics: ServiceMetrics) => new PgAuditStore(db, new AuditIndexMetrics(metrics.registry)),
    },
  ],
})
export class AuditIndexModule {}
