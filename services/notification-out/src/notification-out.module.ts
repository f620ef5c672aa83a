import { Module, type Provider } from '@nestjs/common';
import type { AvroCodec, SqlDatabase } from '@ecris/messaging';
import { AVRO_CODEC, DATABASE, RESOLVE_TOPIC, SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import { NotificationOutMetrics } from './adapters/notification-out-metrics';
import { PgExactlyOnceEffects } from './adapters/pg-exactly-once-effects';
import { PgNotificationStats } from './adapters/pg-notification-stats';
import { settingsFromEnv } from './adapters/settings';
import { AdditionalInfoRequestHandler } from './handlers/additional-info-request.handler';
import { ConvictionAmendedHandler } from './handlers/conviction-amended.handler';
import { ConvictionRecordedHandler } from './handlers/conviction-recorded.handler';
import { ConvictionRemovedHandler } from './handlers/conviction-removed.handler';
import { FunctionalErrorHandler } from './handlers/functional-error.handler';
import { NotificationFlow } from './handlers/notification-flow';
import { NotificationResponseHandler } from './handlers/notification-response.handler';
import { OperatorActionHandler } from './handlers/operator-action.handler';
import { EXACTLY_ONCE_EFFECTS, NOTIFICATION_OUT_SETTINGS, NOTIFICATION_STATS, type NotificationOutSettings } from './ports';

const providers: Provider[] = [
  // Settings come from the environment the service was started with (in production, the process's).
  { provide: NOTIFICATION_OUT_SETTINGS, inject: [SERVICE_CONFIG], useFactory: ({ env }: ServiceConfig) => settingsFromEnv(env) },
  {
    provide: EXACTLY_ONCE_EFFECTS,
    inject: [DATABASE, AVRO_CODEC, RESOLVE_TOPIC, NOTIFICATION_OUT_SETTINGS],
    useFactory: (db: SqlDatabase, codec: AvroCodec, resolveTopic: (topic: string) => string, settings: NotificationOutSettings) =>
      new PgExactlyOnceEffects(db, codec, resolveTopic, settings.lockTimeoutMs),
  },
  { provide: NOTIFICATION_STATS, inject: [DATABASE], useFactory: (db: SqlDatabase) => new PgNotificationStats(db) },
  NotificationOutMetrics,
  NotificationFlow,
];

/** Wiring only: one handler per input record type; ports bound to the PostgreSQL adapters. */
@Module({
  controllers: [
    ConvictionRecordedHandler,
    ConvictionAmendedHandler,
    ConvictionRemovedHandler,
    NotificationResponseHandler,
    FunctionalErrorHandler,
    AdditionalInfoRequestHandler,
    OperatorActionHandler,
  ],
  providers,
})
export class NotificationOutModule {}
