import { Module, type FactoryProvider, type Provider } from '@nestjs/common';
import type { AvroCodec, SqlDatabase, SqlExecutor } from '@ecris/messaging';
import { loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { AVRO_CODEC, CLOCK, DATABASE, RESOLVE_TOPIC, SERVICE_CONFIG, type Clock, type ServiceConfig } from '@ecris/service-kit';
import { ukDateOf } from '@ecris/deadlines';
import { DeadlineWatch } from './adapters/deadline-watch';
import { ukConvictionIdOf } from './adapters/ids';
import { PgRequestStore } from './adapters/pg-request-store';
import { RegisterSearchAdapter } from './adapters/register-search.adapter';
import { requestInConfigFrom, type RequestInConfig } from './adapters/settings-from-env';
import { REQUEST_IN_CONFIG } from './adapters/tokens';
import { RequestExchange } from './application/request-exchange';
import { AdditionalInfoResponseHandler } from './handlers/additional-info-response.handler';
import { CancellationHandler } from './handlers/cancellation.handler';
import { RequestHandler } from './handlers/request.handler';
import { REGISTER_SEARCH_OF, REQUEST_EXCHANGE, type RegisterSearchOf } from './ports';
import { RequestInMetrics } from './request-in.metrics';

export const REQUEST_IN_CONTROLLERS = [RequestHandler, AdditionalInfoResponseHandler, CancellationHandler];

/** Configuration from reference data and the environment the service was started with (README "Configuration"). */
export const CONFIG_FROM_ENV: FactoryProvider = {
  provide: REQUEST_IN_CONFIG,
  inject: [CLOCK, SERVICE_CONFIG],
  useFactory: (clock: Clock, { env }: ServiceConfig) =>
    requestInConfigFrom(loadReferenceData(referenceDataDirs(env)), env, ukDateOf(clock())),
};

/** The register through @ecris/register, reading inside the record's transaction. */
export const REGISTER_SEARCH: FactoryProvider = {
  provide: REGISTER_SEARCH_OF,
  inject: [REQUEST_IN_CONFIG],
  useFactory: (config: RequestInConfig): RegisterSearchOf => (db: SqlExecutor) =>
    new RegisterSearchAdapter(db, { thresholds: config.thresholds, maxCandidates: config.maxCandidates, iso2Of: config.iso2Of }),
};

/** The service's providers; a test may replace the configuration or wrap the register search. */
export function requestInProviders(overrides: { config?: Provider; registerSearch?: Provider } = {}): Provider[] {
  return [
    overrides.config ?? CONFIG_FROM_ENV,
    overrides.registerSearch ?? REGISTER_SEARCH,
    {
      provide: REQUEST_EXCHANGE,
      inject: [DATABASE, AVRO_CODEC, RESOLVE_TOPIC, REGISTER_SEARCH_OF, REQUEST_IN_CONFIG],
      useFactory: (db: SqlDatabase, codec: AvroCodec, resolveTopic: (topic: string) => string, registerOf: RegisterSearchOf, config: RequestInConfig) =>
        new RequestExchange({
          db,
          codec,
          resolveTopic,
          storeOf: (tx) => new PgRequestStore(tx),
          registerOf,
          settings: config.settings,
          rendering: { countryRefOf: config.settings.countryRefOf, ukConvictionIdOf: ukConvictionIdOf(config.settings.us) },
        }),
    },
    RequestInMetrics,
    DeadlineWatch,
  ];
}

@Module({ controllers: REQUEST_IN_CONTROLLERS, providers: requestInProviders() })
export class RequestInModule {}
