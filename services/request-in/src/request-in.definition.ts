import type { ServiceDefinition } from '@ecris/service-kit';
import { requestInMigrations } from './request-in.migrations';
import { RequestInModule } from './request-in.module';

/** How the kit starts request-in: by main.ts, and in-process by the one-command local run (tools/local-system). */
export const definition: ServiceDefinition = {
  service: 'request-in',
  module: RequestInModule,
  migrations: requestInMigrations,
  claimPartitions: true,
};
