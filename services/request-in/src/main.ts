import { runServiceMain } from '@ecris/service-kit';
import { RequestInModule } from './request-in.module';
import { requestInMigrations } from './request-in.migrations';

runServiceMain({ service: 'request-in', module: RequestInModule, migrations: requestInMigrations, claimPartitions: true });
