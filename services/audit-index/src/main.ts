import { runServiceMain } from '@ecris/service-kit';
import { definition } from './audit-index.definition';

runServiceMain(definition);
