import { Controller, Get, Header, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { Readiness } from './readiness';
import { SERVICE_CONFIG, SERVICE_METRICS } from './tokens';
import type { ServiceConfig } from './service-config';
import type { ServiceMetrics } from './service-metrics';

/** Liveness, readiness and Prometheus metrics, on every service's HTTP port. */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: Readiness,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** The process answers: a supervisor restarts it when this stops answering. */
  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'ok'; service: string; version: string } {
    return { status: 'ok', service: this.config.service, version: this.config.version };
  }

  /** Consuming: a load balancer or the start script waits for this. */
  @Get('health/ready')
  ready(): { status: 'ready' } {
    const state = this.readiness.state;
    if (!state.ready) throw new HttpException({ status: 'not-ready', reason: state.reason }, HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'ready' };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  async prometheus(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
