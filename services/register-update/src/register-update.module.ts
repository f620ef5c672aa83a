import { Module, type FactoryProvider, type Provider } from '@nestjs/common';
import type { AvroCodec, SqlDatabase } from '@ecris/messaging';
import { loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { AVRO_CODEC, DATABASE, RESOLVE_TOPIC, SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import { foreignPersonQueries } from './adapters/foreign-person-queries';
import { PgRegisterStore } from './adapters/pg-register-store';
import { registerSettingsFrom } from './adapters/register-settings';
import { ConvictionAmendedHandler } from './handlers/conviction-amended.handler';
import { ConvictionRecordedHandler } from './handlers/conviction-recorded.handler';
import { ConvictionRemovedHandler } from './handlers/conviction-removed.handler';
import { RegisterEffects } from './handlers/register-handler-support';
import { TextTranslatedHandler } from './handlers/text-translated.handler';
import { REGISTER_SETTINGS, REGISTER_STORE, type RegisterSettings } from './ports';
import { RegisterUpdateMetrics } from './register-update.metrics';

export const PG_REGISTER_STORE: FactoryProvider = {
  provide: REGISTER_STORE,
  inject: [DATABASE, AVRO_CODEC, RESOLVE_TOPIC, REGISTER_SETTINGS],
  useFactory: (db: SqlDatabase, codec: AvroCodec, resolveTopic: (topic: string) => string, settings: RegisterSettings) =>
    new PgRegisterStore(db, codec, resolveTopic, { personQueriesOf: foreignPersonQueries(settings) }),
};

export const REGISTER_UPDATE_HANDLERS = [TextTranslatedHandler, ConvictionRecordedHandler, ConvictionAmendedHandler, ConvictionRemovedHandler];

/** The service's providers; a test may pass a double of the store that wraps the real one. */
export function registerUpdateProviders(store: Provider = PG_REGISTER_STORE): Provider[] {
  return [
    {
      provide: REGISTER_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: ({ env }: ServiceConfig) => registerSettingsFrom(loadReferenceData(referenceDataDirs(env)), env),
    },
    store,
    RegisterEffects,
    RegisterUpdateMetrics,
  ];
}

@Module({ controllers: REGISTER_UPDATE_HANDLERS, providers: registerUpdateProviders() })
export class RegisterUpdateModule {}
