import { runServiceMain } from '@ecris/service-kit';
import { definition } from './translation.definition';

runServiceMain(definition);
