import 'reflect-metadata';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { consumerGroup, dlqTopicFor, parkedTopicFor } from '@ecris/contracts';
import { createLogger } from '@ecris/logging';
import {
  AvroCodec,
  isTransientDatabaseError,
  KafkajsRecordSender,
  loadMigrations,
  messagingMigrationsDir,
  migrate,
  openDatabase,
  PgPartitionClaims,
  SchemaArchive,
  type SqlDatabase,
} from '@ecris/messaging';
import { EcrisKafkaTransport, KeepErrorsFilter } from '@ecris/messaging-nest';
import { ServiceKitModule } from './kit.module';
import { PinoNestLogger } from './nest-logger';
import { Readiness } from './readiness';
import { serviceConfigFromEnv, type ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { ServiceMetrics } from './service-metrics';
import {
  AVRO_CODEC,
  CLOCK,
  DATABASE,
  RECORD_SENDER,
  RESOLVE_TOPIC,
  SERVICE_CONFIG,
  SERVICE_LOGGER,
  SERVICE_METRICS,
} from './tokens';

export interface RunningService {
  readonly app: INestApplication;
  readonly config: ServiceConfig;
  /** Base URL of the HTTP port (health, metrics, and any API of the service). */
  readonly url: string;
  readonly database: SqlDatabase | undefined;
  close(): Promise<void>;
}

/**
 * Starts one service: its handlers consuming the registry's inputs for its group through our runner,
 * and an HTTP port with health, readiness and metrics. The caller owns signals (see runServiceMain).
 */
export interface StartServiceOptions {
  /** Told once if the service stops consuming on a fatal error; the caller decides to exit. */
  readonly onFatal?: (reason: string) => void;
  /**
   * A database shared with other services in the same process (the one-command local run shares one
   * embedded PGlite, which only one process can open). It is migrated here but not closed on close().
   */
  readonly sharedDatabase?: SqlDatabase;
}

export async function startService(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
  options: StartServiceOptions = {},
): Promise<RunningService> {
  const { onFatal, sharedDatabase } = options;
  const config = serviceConfigFromEnv(definition.service, env);
  const logger = createLogger({ service: config.service, version: config.version, level: config.logLevel });
  const codec = new AvroCodec(SchemaArchive.load([config.schemasDir]));
  const metrics = new ServiceMetrics(config.service);
  const readiness = new Readiness();
  const resolveTopic = (topic: string) => `${config.namespace}${topic}`;
  const { group, inputs } = consumerGroup(definition.service);

  const sender = await KafkajsRecordSender.connect(config.kafka, logger);
  const database = definition.migrations
    ? await migrated(sharedDatabase ?? (await openDatabase(config.databaseUrl)), definition)
    : undefined;
  const claims = database && definition.claimPartitions ? new PgPartitionClaims(database) : undefined;
  const groupId = `${config.namespace}${group}`;

  @Module({
    imports: [
      ServiceKitModule.withProviders(
        [
          { provide: SERVICE_CONFIG, useValue: config },
          { provide: SERVICE_LOGGER, useValue: logger },
          { provide: AVRO_CODEC, useValue: codec },
          { provide: SERVICE_METRICS, useValue: metrics },
          { provide: RECORD_SENDER, useValue: sender },
          { provide: RESOLVE_TOPIC, useValue: resolveTopic },
          { provide: CLOCK, useValue: () => new Date() },
          { provide: DATABASE, useValue: database ?? null },
        ],
        readiness,
      ),
      definition.module,
    ],
  })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, { logger: new PinoNestLogger(logger), abortOnError: false });
  const transport = new EcrisKafkaTransport({
    settings: config.kafka,
    group: groupId,
    topics: inputs.map(resolveTopic),
    deadLetterTopic: resolveTopic(dlqTopicFor(group).name),
    parkedTopic: resolveTopic(parkedTopicFor(group).name),
    service: { name: config.service, version: config.version },
    codec,
    logger,
    observer: metrics,
    sender,
    resolveTopic,
    isTransient: isTransientDatabaseError,
    claimPartition: claims ? (topic, partition) => claims.claim(groupId, topic, partition) : undefined,
    onFatal: (failure) => {
      readiness.markNotReady(`fatal: ${failure.code}`);
      onFatal?.(failure.code);
    },
    ...definition.transport,
  });
  const microservice = app.connectMicroservice({ strategy: transport });
  // Only the consumer side keeps errors as they are; the HTTP side keeps Nest's HTTP error handling.
  microservice.useGlobalFilters(new KeepErrorsFilter());
  app.enableShutdownHooks();

  await app.startAllMicroservices();
  await app.listen(config.httpPort, config.httpHost);
  readiness.markReady();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.info({ group: groupId, inputs, url }, 'service started');

  let closing: Promise<void> | undefined;
  return {
    app,
    config,
    url,
    database,
    close() {
      closing ??= (async () => {
        readiness.markNotReady('stopping');
        await app.close();
        await sender.disconnect();
        if (database !== sharedDatabase) await database?.close();
        logger.info('service stopped');
      })();
      return closing;
    },
  };
}

async function migrated(database: SqlDatabase, definition: ServiceDefinition): Promise<SqlDatabase> {
  const own = (await definition.migrations?.()) ?? [];
  await migrate(database, [...(await loadMigrations(messagingMigrationsDir)), ...own]);
  return database;
}
