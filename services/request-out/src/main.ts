import { runServiceMain } from '@ecris/service-kit';
import { requestOutService } from './request-out.module';

runServiceMain(requestOutService());
