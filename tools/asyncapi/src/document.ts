/**
 * The AsyncAPI 3.0 document of ECRIS Exchange, built from the topic registry (@ecris/contracts) and
 * the published schemas (schemas/). Seen from ECRIS Exchange as one application: it *sends* to a
 * topic one of its services writes, and *receives* from a topic one of its consumer groups reads.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ConsumerGroupDefinition, TopicDefinition } from '@ecris/contracts';
import { CE_HEADERS, DLQ_HEADERS, type SchemaArchive } from '@ecris/messaging';
import { withSimpleNames } from './avro-names';

export const AVRO_SCHEMA_FORMAT = 'application/vnd.apache.avro+json;version=1.9.0';
const KAFKA_BINDING_VERSION = '0.5.0';

export interface DocumentInputs {
  readonly version: string;
  readonly topics: readonly TopicDefinition[];
  readonly groups: readonly ConsumerGroupDefinition[];
  readonly services: readonly string[];
  readonly archive: SchemaArchive;
  readonly workspaceRoot: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const shortName = (fullName: string) => fullName.slice(fullName.lastIndexOf('.') + 1);

export function retentionText(ms: number): string {
  if (ms === -1) return 'forever';
  const days = ms / 86_400_000;
  return days >= 365 ? `${Math.round(days / 365.25)} years` : `${Math.round(days)} days`;
}

function headerSchema(names: Record<string, string>, doc: string): JsonObject {
  return {
    type: 'object',
    description: doc,
    properties: Object.fromEntries(Object.values(names).map((name) => [name, { type: 'string' }])),
  };
}

function payloadOf(archive: SchemaArchive, fullName: string, root: string): JsonObject {
  const newest = archive.latest(fullName);
  if (!newest) throw new Error(`asyncapi: the registry names ${fullName}, which has no published schema in schemas/`);
  const versions = archive.versions(fullName);
  return {
    schemaFormat: AVRO_SCHEMA_FORMAT,
    schema: withSimpleNames(JSON.parse(readFileSync(newest.file, 'utf8')) as Json),
    // Not part of the Avro schema: where to find every version, and how readers tell them apart.
    'x-versions': versions.map((v) => ({ version: v.version, fingerprint: v.fingerprintHex, file: relative(root, v.file) })),
  } as JsonObject;
}

function channelOf(topic: TopicDefinition, archive: SchemaArchive): JsonObject {
  const headers = topic.kind === 'dead-letter' ? '#/components/schemas/DeadLetterHeaders' : '#/components/schemas/CloudEventsHeaders';
  const messages: JsonObject = {};
  for (const fullName of topic.valueSchemas) {
    const schema = archive.latest(fullName);
    messages[shortName(fullName)] = {
      name: shortName(fullName),
      title: `${fullName} v${schema?.version ?? '?'}`,
      summary: (JSON.parse(readFileSync(schema!.file, 'utf8')) as { doc?: string }).doc ?? fullName,
      contentType: 'application/avro',
      headers: { $ref: headers },
      payload: { $ref: `#/components/schemas/${fullName}` },
      correlationId: { description: 'The exchange', location: `$message.header#/${CE_HEADERS.correlationId}` },
      bindings: { kafka: { key: { type: 'string', description: topic.key }, bindingVersion: KAFKA_BINDING_VERSION } },
    };
  }
  if (topic.kind === 'parked-keys') {
    messages.ParkedKey = {
      name: 'ParkedKey',
      title: 'Parked key',
      summary: 'Which dead letter later records of a key wait behind; a tombstone (null value) releases the key. The value is written and read by libs/messaging only.',
      bindings: { kafka: { key: { type: 'string', description: topic.key }, bindingVersion: KAFKA_BINDING_VERSION } },
    };
  }
  const writers = [topic.writer, ...(topic.alsoWrittenBy ?? [])];
  return {
    address: topic.name,
    title: topic.name,
    description: [
      topic.description,
      `Kind: ${topic.kind}. Written by ${writers.join(', ')}; read by ${topic.readers.join(', ') || 'no service yet'}.`,
      `Key: ${topic.key}.`,
      `Retention: ${retentionText(topic.retentionMs)}, cleanup.policy=${topic.cleanupPolicy}.`,
      topic.kind === 'dead-letter' ? 'Values are kept byte for byte as they arrived, so a dead letter may hold bytes that decode as none of these.' : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    messages,
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        topicConfiguration: { 'cleanup.policy': [topic.cleanupPolicy], 'retention.ms': topic.retentionMs },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function messageRefs(topic: TopicDefinition, channel: JsonObject): JsonObject[] {
  return Object.keys(channel.messages as JsonObject).map((name) => ({ $ref: `#/channels/${topic.name}/messages/${name}` }));
}

export function buildAsyncApi(inputs: DocumentInputs): JsonObject {
  const { topics, groups, services, archive, workspaceRoot } = inputs;
  const ours = new Set(services);
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const schemas: JsonObject = {
    CloudEventsHeaders: headerSchema(
      CE_HEADERS,
      'CloudEvents Kafka binding, binary mode (shared/design/reliability.md), plus W3C traceparent. The same attributes are in the meta record of every value.',
    ),
    DeadLetterHeaders: headerSchema(
      { ...CE_HEADERS, ...DLQ_HEADERS },
      'The original record\'s headers unchanged, plus dlq-* provenance (never personal data in dlq-error-message).',
    ),
  };

  for (const topic of topics) {
    const channel = channelOf(topic, archive);
    channels[topic.name] = channel;
    for (const fullName of topic.valueSchemas) {
      if (!(fullName in schemas)) schemas[fullName] = payloadOf(archive, fullName, workspaceRoot);
    }
    const writers = [topic.writer, ...(topic.alsoWrittenBy ?? [])].filter((writer) => ours.has(writer));
    if (writers.length > 0) {
      operations[`send.${topic.name}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${topic.name}` },
        summary: `${writers.join(', ')} ${writers.length > 1 ? 'write' : 'writes'} to ${topic.name}`,
        messages: messageRefs(topic, channel),
      };
    }
    for (const group of groups.filter((g) => g.inputs.includes(topic.name))) {
      operations[`receive.${topic.name}.${group.service}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${topic.name}` },
        summary: `${group.service} reads ${topic.name} as consumer group ${group.group}`,
        messages: messageRefs(topic, channel),
        bindings: { kafka: { groupId: { type: 'string', enum: [group.group] }, bindingVersion: KAFKA_BINDING_VERSION } },
      };
    }
  }

  // Published records no topic carries yet are part of the contract too.
  for (const fullName of archive.names()) {
    if (!(fullName in schemas)) schemas[fullName] = payloadOf(archive, fullName, workspaceRoot);
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ECRIS Exchange',
      version: inputs.version,
      description: [
        "The UK central authority's exchange of criminal-records information with EU states through ECRIS: every topic and record.",
        'Values are Avro in the single-object encoding (C3 01, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, the body). A reader finds the writer schema in schemas/ by fingerprint and resolves it to the newest version it knows; x-versions lists every version of each payload.',
        'Several record types share a topic (e.g. the ten ECRIS message types on ecris.outbound.v1): the fingerprint and the ce_type header tell them apart (schemas/README.md).',
        'Generated by tools/asyncapi/generate.ts from the topic registry (libs/contracts) and schemas/: do not edit.',
      ].join('\n\n'),
    },
    defaultContentType: 'application/avro',
    servers: {
      local: {
        host: '127.0.0.1:19092',
        protocol: 'kafka',
        description: 'The local single-node KRaft broker of deploy/kafka (npm run kafka:start); the port follows KAFKA_PORT.',
      },
    },
    channels,
    operations,
    components: { schemas },
  };
}
