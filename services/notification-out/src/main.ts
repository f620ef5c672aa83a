import { runServiceMain } from '@ecris/service-kit';
import { NOTIFICATION_OUT } from './notification-out.definition';

runServiceMain(NOTIFICATION_OUT);
