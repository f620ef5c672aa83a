import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { EventPublisher } from './event-publisher';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';

/** Makes the kit's shared objects (config, logger, codec, metrics, producer, database, clock) injectable everywhere. */
@Global()
@Module({})
export class ServiceKitModule {
  static withProviders(providers: Provider[], readiness: Readiness): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [HealthController],
      providers: [...providers, { provide: Readiness, useValue: readiness }, EventPublisher],
      exports: [...providers.map((provider) => (provider as { provide: unknown }).provide as symbol), Readiness, EventPublisher],
    };
  }
}
