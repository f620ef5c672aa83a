import { runServiceMain } from '@ecris/service-kit';
import { registerUpdateDefinition } from './definition';

runServiceMain(registerUpdateDefinition);
