import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Inject, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames } from '@ecris/contracts';
import { AvroCodec, KafkajsRecordSender, metaToHeaders, SchemaArchive, type EventMeta } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { eventually, provisionNamespace, testKafkaSettings } from '@ecris/testing';
import { REPO_SCHEMAS_DIR } from './service-config';
import { startService, type RunningService } from './start-service';
import { SERVICE_CONFIG } from './tokens';
import type { ServiceConfig } from './service-config';

const seen: { correlationId: string; service: string }[] = [];

@Controller()
class ProbeHandler {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  @EventPattern(SchemaNames.translationRequested)
  handle(@Payload() _value: unknown, @Ctx() context: EcrisContext): void {
    seen.push({ correlationId: context.meta.correlationId, service: this.config.service });
  }
}

@Module({ controllers: [ProbeHandler] })
class ProbeModule {}

const fixture = JSON.parse(
  readFileSync(join(REPO_SCHEMAS_DIR, 'uk/ecris/exchange/fixtures/TranslationRequested.v1.json'), 'utf8'),
) as { meta: EventMeta };

describe('startService', () => {
  let running: RunningService;
  let namespace: string;

  beforeAll(async () => {
    namespace = await provisionNamespace('service-kit');
    running = await startService(
      { service: 'translation', module: ProbeModule },
      { ...process.env, ECRIS_NAMESPACE: namespace, HTTP_PORT: '0', LOG_LEVEL: 'silent' },
    );
  });

  afterAll(async () => {
    await running?.close();
  });

  it('consumes its registry inputs in its namespace, dispatches by record type and reports health and metrics', async () => {
    const live = await fetch(`${running.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', service: 'translation' });
    expect((await fetch(`${running.url}/health/ready`)).status).toBe(200);

    const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
    const meta = { ...fixture.meta, correlationId: `${namespace}exchange-1` };
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    await sender.send([
      {
        topic: `${namespace}exchange.notification-in.translation-requested.v1`,
        key: meta.correlationId,
        value: codec.encode(SchemaNames.translationRequested, { ...fixture, meta }),
        headers: metaToHeaders(meta),
      },
    ]);
    await sender.disconnect();

    await eventually(() => seen.some((entry) => entry.correlationId === meta.correlationId));
    expect(seen.find((entry) => entry.correlationId === meta.correlationId)?.service).toBe('translation');
    await eventually(async () => (await (await fetch(`${running.url}/metrics`)).text()).includes('outcome="handled"'));
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/ecris_records_consumed_total\{[^}]*outcome="handled"[^}]*\} 1/);
  });
});
