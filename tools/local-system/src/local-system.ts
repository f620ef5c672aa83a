/**
 * The whole system in one Node process: the registry's topics, one database (an embedded PGlite every
 * service shares, unless DATABASE_URL names a PostgreSQL), every service on its own HTTP port, the
 * simulators, and a watch on the log for the summary. Stopped in reverse: no new traffic first, then
 * the services drain and leave their groups, then the last records are counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '@ecris/logging';
import { AvroCodec, kafkaSettingsFromEnv, openDatabase, SchemaArchive, type KafkaSettings, type SqlDatabase } from '@ecris/messaging';
import { ecrisSenderCountry, loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { DEFAULT_HTTP_PORTS, REPO_SCHEMAS_DIR, startService, type RunningService, type ServiceDefinition } from '@ecris/service-kit';
import { CONFIG_DIR } from '../../../services/request-out/src/config/settings';
import { startMachineTranslationServer, type MachineTranslationServer } from '../../simulators/src/machine-translation/machine-translation-server';
import { GATEWAY_GROUP } from '../../simulators/src/gateway/gateway-simulator';
import { EU_STATES } from '../../simulators/src/population';
import { simulatorSettingsFromEnv } from '../../simulators/src/simulator-settings';
import { startSimulators, type RunningSimulators } from '../../simulators/src/simulators';
import { issueAgencyKey, SIMULATED_AGENCY, type AgencyKey } from './agency-key';
import type { ExchangeCounts } from './exchange-counts';
import { ExchangeWatch } from './exchange-watch';
import { serviceDefinitions } from './service-definitions';
import { ensureRegistryTopics } from './topics';

type Env = NodeJS.ProcessEnv;

export interface LocalSystemOptions {
  readonly simulators: boolean;
  readonly env: Env;
  /** Where the human-readable lines go (the terminal); service logs go to stdout. */
  readonly print: (text: string) => void;
  /** Told once if a service stops consuming on a fatal error. */
  readonly onFatal: (reason: string) => void;
}

/** Everything opened, in order, so that a failed start or a stop closes exactly what is open. */
class Opened {
  private readonly closers: { what: string; close: () => Promise<void> | void }[] = [];

  add(what: string, close: () => Promise<void> | void): void {
    this.closers.push({ what, close });
  }

  async closeAll(logger: Logger): Promise<void> {
    for (const { what, close } of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error, what }, 'could not close cleanly');
      }
    }
  }
}

function portFor(service: string, env: Env): string {
  if (env.HTTP_PORT === '0') return '0';
  return env[`${service.toUpperCase().replace(/-/g, '_')}_HTTP_PORT`] ?? String(DEFAULT_HTTP_PORTS[service] ?? 0);
}

function describeDatabase(url: string | undefined): string {
  if (!url) return 'embedded PGlite, in memory, shared by every service (gone when the run ends)';
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.host}${parsed.pathname} (DATABASE_URL)`;
}

export class LocalSystem {
  private constructor(
    private readonly opened: Opened,
    private readonly logger: Logger,
    readonly watch: ExchangeWatch,
    readonly services: readonly RunningService[],
    readonly simulators: RunningSimulators | undefined,
  ) {}

  static async start(options: LocalSystemOptions): Promise<LocalSystem> {
    const { env, print } = options;
    const logger = createLogger({ service: 'local-system', level: env.LOG_LEVEL });
    const opened = new Opened();
    try {
      return await LocalSystem.open(options, opened, logger);
    } catch (error) {
      await opened.closeAll(logger);
      print(`start failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  private static async open(options: LocalSystemOptions, opened: Opened, logger: Logger): Promise<LocalSystem> {
    const { env, print } = options;
    const namespace = env.ECRIS_NAMESPACE ?? '';
    const kafka: KafkaSettings = kafkaSettingsFromEnv('ecris-exchange.local-system', env);
    const databaseUrl = env.DATABASE_URL?.trim() || undefined;
    const today = new Date().toISOString().slice(0, 10);
    const ourState = ecrisSenderCountry(env, loadReferenceData(referenceDataDirs(env)), today);
    // Read first, so a wrong ECRIS_SIM_* setting is reported before anything starts.
    const simulatorSettings = options.simulators ? simulatorSettingsFromEnv(env) : undefined;

    print(`broker      ${kafka.brokers.join(',')}${namespace ? `  (namespace ${namespace})` : ''}`);
    const topics = await ensureRegistryTopics(kafka, namespace);
    print(`topics      ${topics.created} created, ${topics.existing} already there`);

    let sharedDatabase: SqlDatabase | undefined;
    if (!databaseUrl) {
      const database = await openDatabase(undefined);
      opened.add('database', () => database.close());
      sharedDatabase = database;
    }
    print(`database    ${describeDatabase(databaseUrl)}`);

    let agencyKey: AgencyKey | undefined;
    if (options.simulators) {
      const runDir = mkdtempSync(join(tmpdir(), 'ecris-local-'));
      opened.add('run folder', () => rmSync(runDir, { recursive: true, force: true }));
      agencyKey = issueAgencyKey(env.REQUEST_OUT_AGENCIES_FILE || join(CONFIG_DIR, 'agencies.json'), runDir);
      if (!env.TRANSLATION_MT_URL?.trim()) {
        const translator: MachineTranslationServer = await startMachineTranslationServer(Number(env.ECRIS_SIM_MT_PORT ?? 0));
        opened.add('machine translation simulator', () => translator.close());
        // translation reads its MT address from the environment it is started with.
        env.TRANSLATION_MT_URL = translator.url;
        print(`translation machine translation simulator at ${translator.url} (a phrasebook of the simulated states' wording)`);
      }
    }

    const services = await LocalSystem.startServices(serviceDefinitions({ requestOutAgenciesFile: agencyKey?.agenciesFile }), options, opened, sharedDatabase);

    const codec = new AvroCodec(SchemaArchive.load([env.ECRIS_SCHEMAS_DIR ?? REPO_SCHEMAS_DIR]));

    let simulators: RunningSimulators | undefined;
    if (simulatorSettings) {
      // Unless pinned, the simulated day begins now, when it is played, not when the settings were read.
      const settings = env.ECRIS_SIM_START?.trim() ? simulatorSettings : { ...simulatorSettings, scenario: { ...simulatorSettings.scenario, start: new Date() } };
      const requestOut = services.find((service) => service.config.service === 'request-out');
      simulators = await startSimulators({
        settings,
        kafka,
        namespace,
        codec,
        logger: createLogger({ service: 'simulators', level: env.LOG_LEVEL }),
        version: services[0]?.config.version ?? '0.0.0',
        agencyApi: requestOut && agencyKey ? { url: requestOut.url, apiKey: agencyKey.apiKey } : undefined,
      });
      opened.add('simulators', () => simulators!.stop());
      const s = settings.scenario;
      const minutes = (s.courtConvictions / s.courtEventsPerMinute).toFixed(1);
      print(`simulators  seed ${s.seed}, start ${s.start.toISOString()} (ECRIS_SIM_SEED, ECRIS_SIM_START reproduce this run's traffic)`);
      print(`            court feed: ${s.courtConvictions} convictions at ${s.courtEventsPerMinute}/min (${minutes} min); member states ${EU_STATES.join(' ')}: ${s.foreignNotifications} NOTs, ${s.foreignRequests} REQs; agency ${SIMULATED_AGENCY}: ${s.agencyRequests} requests`);
      print(`            ECRIS gateway answering our NOTs (FEM ${settings.replies.rejectShare}, RAI ${settings.replies.additionalInfoShare}) and REQs (RDL, then RRS)`);
    } else {
      print('simulators  off: no traffic unless you send some');
    }
    // After the simulators, whose gateway creates its dead-letter topic: the watch counts that one too.
    const watch = await ExchangeWatch.start({ settings: kafka, namespace, codec, ourState, extraGroups: options.simulators ? [GATEWAY_GROUP] : [] });
    opened.add('summary watch', () => watch.stop());
    if (env.ECRIS_LOG_FILE) print(`logs        ${env.ECRIS_LOG_FILE} (JSON lines, every service)`);
    return new LocalSystem(opened, logger, watch, services, simulators);
  }

  private static async startServices(
    definitions: readonly ServiceDefinition[],
    options: LocalSystemOptions,
    opened: Opened,
    sharedDatabase: SqlDatabase | undefined,
  ): Promise<RunningService[]> {
    const running: RunningService[] = [];
    for (const definition of definitions) {
      const env = { ...options.env, HTTP_PORT: portFor(definition.service, options.env) };
      const service = await startService(definition, env, {
        sharedDatabase,
        onFatal: (reason) => options.onFatal(`${definition.service}: ${reason}`),
      });
      opened.add(definition.service, () => service.close());
      running.push(service);
      const extra = definition.service === 'request-out' ? '  agency API /v1/requests, OpenAPI /api-docs' : '';
      options.print(`${running.length === 1 ? 'services   ' : '           '} ${definition.service.padEnd(17)} ${service.url}  (/health/ready, /metrics)${extra}`);
    }
    return running;
  }

  counts(): ExchangeCounts {
    return this.watch.counts();
  }

  /**
   * Stops the traffic, then the services (each drains: in-flight records finish and are committed), counts
   * what reached the log, then closes the rest. Resolves with the final counts.
   */
  async stop(): Promise<ExchangeCounts> {
    await this.simulators?.stop();
    for (const service of [...this.services].reverse()) {
      try {
        await service.close();
      } catch (error) {
        this.logger.error({ err: error, service: service.config.service }, 'service did not stop cleanly');
      }
    }
    let counts: ExchangeCounts;
    try {
      counts = await this.watch.catchUp(20_000);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the log to its end; counts are what was read');
      counts = this.watch.counts();
    }
    // Closing a service twice is harmless (close() is idempotent); the rest is closed once, in reverse.
    await this.opened.closeAll(this.logger);
    return counts;
  }
}
