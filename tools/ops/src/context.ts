/**
 * What a command runs with: settings from the environment (KAFKA_BROKERS, DATABASE_URL, ECRIS_NAMESPACE,
 * ECRIS_OPS_OPERATOR, ECRIS_OPS_CONFIG) and the connections it needs, opened on first use and closed once.
 */
import { resolve } from 'node:path';
import { consumerGroup, groupIdOf, SERVICE_NAMES, type ConsumerGroupDefinition, type ServiceName } from '@ecris/contracts';
import {
  AvroCodec,
  KafkajsRecordSender,
  kafkaSettingsFromEnv,
  LogReader,
  openDatabase,
  SchemaArchive,
  type KafkaSettings,
  type SqlDatabase,
} from '@ecris/messaging';
import { DEFAULT_OPERATORS_FILE, loadOperatorsConfig, type OperatorsConfig } from './authorisation';
import { CliError, UsageError } from './errors';
import type { Output } from './output';

const REPO_SCHEMAS_DIR = resolve(__dirname, '..', '..', '..', 'schemas');

export class OpsContext {
  readonly namespace: string;
  readonly operator: string | undefined;
  private readonly kafka: KafkaSettings;
  private db: SqlDatabase | undefined;
  private readerConnection: LogReader | undefined;
  private senderConnection: KafkajsRecordSender | undefined;
  private codecInstance: AvroCodec | undefined;

  constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly out: Output,
    /** The clock, injectable so tests pin "now". */
    readonly now: () => Date = () => new Date(),
  ) {
    this.namespace = env.ECRIS_NAMESPACE ?? '';
    this.operator = env.ECRIS_OPS_OPERATOR?.trim() || undefined;
    this.kafka = kafkaSettingsFromEnv('ecris-ops', env);
  }

  /** The actual name of a registry topic (the namespace prefixed, as the services do). */
  topic(name: string): string {
    return `${this.namespace}${name}`;
  }

  /** A topic as typed by the operator: registry name or actual name. */
  qualifyTopic(name: string): string {
    return this.namespace && !name.startsWith(this.namespace) ? `${this.namespace}${name}` : name;
  }

  /** A consumer group given as `translation` or `ecris-exchange.translation`, with its registry definition. */
  group(given: string): { id: string; definition: ConsumerGroupDefinition } {
    const bare = this.namespace && given.startsWith(this.namespace) ? given.slice(this.namespace.length) : given;
    const service = SERVICE_NAMES.find((name) => name === bare || groupIdOf(name) === bare);
    if (!service) {
      throw new UsageError(`no consumer group "${given}": one of ${SERVICE_NAMES.map((name) => groupIdOf(name)).join(', ')}`);
    }
    return { id: `${this.namespace}${groupIdOf(service)}`, definition: consumerGroup(service as ServiceName) };
  }

  get operators(): OperatorsConfig {
    return loadOperatorsConfig(this.env.ECRIS_OPS_CONFIG || DEFAULT_OPERATORS_FILE);
  }

  async database(): Promise<SqlDatabase> {
    const url = this.env.DATABASE_URL?.trim();
    if (!url) throw new CliError('DATABASE_URL is not set: the audit index (schema audit) is in PostgreSQL');
    this.db ??= await openDatabase(url, { pool: { max: 4 } });
    return this.db;
  }

  async reader(): Promise<LogReader> {
    this.readerConnection ??= await LogReader.connect(this.kafka);
    return this.readerConnection;
  }

  async sender(): Promise<KafkajsRecordSender> {
    this.senderConnection ??= await KafkajsRecordSender.connect(this.kafka);
    return this.senderConnection;
  }

  get codec(): AvroCodec {
    this.codecInstance ??= new AvroCodec(SchemaArchive.load([this.env.ECRIS_SCHEMAS_DIR || REPO_SCHEMAS_DIR]));
    return this.codecInstance;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.db?.close(), this.readerConnection?.close(), this.senderConnection?.disconnect()]);
  }
}
