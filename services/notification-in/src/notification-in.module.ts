import { Module, type FactoryProvider, type Provider } from '@nestjs/common';
import type { AvroCodec, SqlDatabase } from '@ecris/messaging';
import { loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { AVRO_CODEC, DATABASE, RESOLVE_TOPIC, SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import { PgReceivedNotifications } from './adapters/pg-received-notifications';
import { receptionSettingsFrom } from './adapters/reception-settings';
import { NotificationHandler } from './handlers/notification.handler';
import { NotificationInMetrics } from './notification-in.metrics';
import { RECEIVED_NOTIFICATIONS, RECEPTION_SETTINGS } from './ports';

export const PG_RECEIVED_NOTIFICATIONS: FactoryProvider = {
  provide: RECEIVED_NOTIFICATIONS,
  inject: [DATABASE, AVRO_CODEC, RESOLVE_TOPIC],
  useFactory: (db: SqlDatabase, codec: AvroCodec, resolveTopic: (topic: string) => string) => new PgReceivedNotifications(db, codec, resolveTopic),
};

/** The service's providers; a test may pass a double of the store that wraps the real one. */
export function notificationInProviders(receivedNotifications: Provider = PG_RECEIVED_NOTIFICATIONS): Provider[] {
  return [
    {
      provide: RECEPTION_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: ({ env }: ServiceConfig) => receptionSettingsFrom(loadReferenceData(referenceDataDirs(env)), env),
    },
    receivedNotifications,
    NotificationInMetrics,
  ];
}

@Module({ controllers: [NotificationHandler], providers: notificationInProviders() })
export class NotificationInModule {}
