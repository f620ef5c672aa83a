import { runServiceMain } from '@ecris/service-kit';
import { definition } from './request-in.definition';

runServiceMain(definition);
