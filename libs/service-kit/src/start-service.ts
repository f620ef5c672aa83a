import 'reflect-metadata';
import { Module, type INestApplication, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestMicroservice } from '@nestjs/microservices';
import { consumerGroup, dlqTopicFor, parkedTopicFor } from '@ecris/contracts';
import { createLogger, type Logger } from '@ecris/logging';
import {
  AvroCodec,
  isTransientDatabaseError,
  KafkajsRecordSender,
  loadMigrations,
  messagingMigrationsDir,
  migrate,
  openDatabase,
  OutboxMemory,
  PgLedgerBatches,
  PgPartitionClaims,
  SchemaArchive,
  type RecordSender,
  type SqlDatabase,
} from '@ecris/messaging';
import { EcrisKafkaTransport, KeepErrorsFilter } from '@ecris/messaging-nest';
import { autovacuumProblem } from './autovacuum-check';
import { KitOutboxRelay } from './kit-outbox-relay';
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

export interface StartServiceOptions {
  /** Told once if the service stops consuming on a fatal error; the caller decides to exit. */
  readonly onFatal?: (reason: string) => void;
  /**
   * A database shared with other services in the same process (the one-command local run shares one
   * embedded PGlite, which only one process can open). It is migrated here but not closed on close().
   */
  readonly sharedDatabase?: SqlDatabase;
}

/** What a running service holds open, released in reverse order on close or on a failed start. */
interface Resources {
  readonly config: ServiceConfig;
  readonly logger: Logger;
  readonly codec: AvroCodec;
  readonly metrics: ServiceMetrics;
  readonly readiness: Readiness;
  readonly sender: KafkajsRecordSender;
  readonly database: SqlDatabase | undefined;
  readonly relay: KitOutboxRelay | undefined;
  readonly resolveTopic: (topic: string) => string;
  release(): Promise<void>;
}

/**
 * Starts one service: its handlers consuming the registry's inputs for its group through our runner,
 * its outbox relayed when it has a database, and an HTTP port with health, readiness and metrics.
 * The caller owns signals (see runServiceMain).
 */
export async function startService(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
  options: StartServiceOptions = {},
): Promise<RunningService> {
  const resources = await openResources(definition, env, options.sharedDatabase);
  const { config, logger, readiness, relay, database } = resources;
  let app: INestApplication | undefined;
  try {
    app = await createApp(definition, resources, (reason) => {
      readiness.markNotReady(`fatal: ${reason}`);
      options.onFatal?.(reason);
    });
    await app.startAllMicroservices();
    relay?.start((error) => options.onFatal?.(`outbox relay: ${String(error)}`));
    await app.listen(config.httpPort, config.httpHost);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await resources.release();
    throw error;
  }
  readiness.markReady();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.info({ group: `${config.namespace}${consumerGroup(definition.service).group}`, url }, 'service started');

  const running = app;
  let closing: Promise<void> | undefined;
  return {
    app: running,
    config,
    url,
    database,
    close() {
      closing ??= (async () => {
        readiness.markNotReady('stopping');
        await running.close();
        await resources.release();
        logger.info('service stopped');
      })();
      return closing;
    },
  };
}

async function openResources(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv,
  sharedDatabase: SqlDatabase | undefined,
): Promise<Resources> {
  const config = serviceConfigFromEnv(definition.service, env);
  const logger = createLogger({ service: config.service, version: config.version, level: config.logLevel });
  const codec = new AvroCodec(SchemaArchive.load([config.schemasDir]));
  const sender = await KafkajsRecordSender.connect(config.kafka, logger);
  let database: SqlDatabase | undefined;
  try {
    if (definition.migrations) {
      database = sharedDatabase ?? (await openDatabase(config.databaseUrl));
      const own = await definition.migrations();
      await migrate(database, [...(await loadMigrations(messagingMigrationsDir)), ...own]);
      const problem = await autovacuumProblem(database);
      if (problem) logger.warn({ check: 'autovacuum' }, problem);
    }
  } catch (error) {
    if (database && database !== sharedDatabase) await database.close().catch(() => undefined);
    await sender.disconnect();
    throw error;
  }
  const metrics = new ServiceMetrics(config.service);
  const countingSender: RecordSender = {
    async send(records) {
      await sender.send(records);
      metrics.countPublished(records.length);
    },
  };
  // What the ledger commits to the outbox is handed to the relay in memory, so it need not read it back.
  const relay = database
    ? new KitOutboxRelay(database, countingSender, `${config.namespace}${consumerGroup(definition.service).group}`, logger, new OutboxMemory())
    : undefined;
  return {
    config,
    logger,
    codec,
    metrics,
    readiness: new Readiness(),
    sender,
    database,
    relay,
    resolveTopic: (topic) => `${config.namespace}${topic}`,
    async release() {
      await relay?.stop();
      await sender.disconnect();
      if (database && database !== sharedDatabase) await database.close();
    },
  };
}

async function createApp(
  definition: ServiceDefinition,
  resources: Resources,
  onFatal: (reason: string) => void,
): Promise<INestApplication> {
  const { config, logger, codec, metrics, readiness, sender, database, relay, resolveTopic } = resources;
  const providers: Provider[] = [
    { provide: SERVICE_CONFIG, useValue: config },
    { provide: SERVICE_LOGGER, useValue: logger },
    { provide: AVRO_CODEC, useValue: codec },
    { provide: SERVICE_METRICS, useValue: metrics },
    { provide: RECORD_SENDER, useValue: sender },
    { provide: RESOLVE_TOPIC, useValue: resolveTopic },
    { provide: CLOCK, useValue: () => new Date() },
    { provide: DATABASE, useValue: database ?? null },
  ];

  @Module({ imports: [ServiceKitModule.withProviders(providers, readiness), definition.module] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, { logger: new PinoNestLogger(logger), abortOnError: false });
  const { group } = consumerGroup(definition.service);
  const groupId = `${config.namespace}${group}`;
  const claims = database && definition.claimPartitions ? new PgPartitionClaims(database) : undefined;
  const batches = claims && database && definition.applyInBatches ? new PgLedgerBatches(database, relay?.memory) : undefined;
  const transport = new EcrisKafkaTransport({
    settings: config.kafka,
    group: groupId,
    topics: consumerGroup(definition.service).inputs.map(resolveTopic),
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
    batches,
    onFatal: (failure) => onFatal(failure.code),
    ...definition.transport,
  });
  // Deferred, so the filter below is in place before Nest binds the handlers (it binds them at listen).
  const microservice = app.connectMicroservice({ strategy: transport }, { deferInitialization: true });
  // The HTTP app runs the modules' init hooks; without this the deferred microservice would run them again.
  (microservice as NestMicroservice).setIsInitHookCalled(true);
  // Only the consumer side keeps errors as they are; the HTTP side keeps Nest's HTTP error handling.
  microservice.useGlobalFilters(new KeepErrorsFilter());
  app.enableShutdownHooks();
  await definition.configureApp?.(app);
  return app;
}
