import { runServiceMain } from '@ecris/service-kit';
import { definition } from './notification-in.definition';

runServiceMain(definition);
