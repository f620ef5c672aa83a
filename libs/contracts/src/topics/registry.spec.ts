import { SchemaNames } from '../schema-names';
import {
  SERVICE_NAMES,
  allConsumerGroups,
  allTopics,
  consumerGroup,
  dlqTopicFor,
  parkedTopicFor,
  toTopicSpec,
  topicByName,
  type ServiceName,
} from './index';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const isService = (party: string): party is ServiceName => (SERVICE_NAMES as readonly string[]).includes(party);

describe('topic registry', () => {
  it('names every topic once', () => {
    const names = allTopics().map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names internal topics <area>.<owner-service>.<event>.v<major>, the owner being the writer', () => {
    const internal = allTopics().filter((t) => t.kind === 'internal');
    expect(internal.length).toBeGreaterThan(0);
    for (const topic of internal) {
      const match = /^([a-z]+)\.([a-z-]+)\.([a-z][a-z0-9-]*)\.v(\d+)$/.exec(topic.name);
      expect({ topic: topic.name, match: match !== null }).toEqual({ topic: topic.name, match: true });
      expect({ topic: topic.name, owner: match?.[2] }).toEqual({ topic: topic.name, owner: topic.writer });
      expect(isService(topic.writer)).toBe(true);
    }
  });

  it('names public topics <area>.<name>.v<major>', () => {
    for (const topic of allTopics().filter((t) => t.kind === 'public')) {
      expect(topic.name).toMatch(/^[a-z]+\.[a-z-]+\.v\d+$/);
    }
  });

  it('has exactly one consumer group per service, named ecris-exchange.<service>', () => {
    const groups = allConsumerGroups();
    expect(groups.map((g) => g.service).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const service of SERVICE_NAMES) expect(consumerGroup(service).group).toBe(`ecris-exchange.${service}`);
  });

  it('gives every consumer group a dead-letter and a parked-keys topic', () => {
    for (const { group, inputs } of allConsumerGroups()) {
      const dlq = dlqTopicFor(group);
      const parked = parkedTopicFor(group);
      expect([dlq.name, dlq.kind, dlq.cleanupPolicy]).toEqual([`${group}.dlq`, 'dead-letter', 'delete']);
      expect([parked.name, parked.kind, parked.cleanupPolicy]).toEqual([`${group}.parked`, 'parked-keys', 'compact']);
      const inputTopics = inputs.map(topicByName);
      expect(dlq.partitions).toBe(Math.max(...inputTopics.map((t) => t.partitions)));
      const retentions = inputTopics.map((t) => t.retentionMs);
      expect(dlq.retentionMs).toBe(retentions.includes(-1) ? -1 : Math.max(...retentions));
    }
  });

  it('keeps readers and consumer groups in step: a service reads a topic exactly when its group consumes it', () => {
    const declaredTopics = allTopics().filter((t) => t.kind === 'public' || t.kind === 'internal');
    const isDeclared = (name: string) => declaredTopics.some((t) => t.name === name);
    const consumed = allConsumerGroups().flatMap((g) => g.inputs.filter(isDeclared).map((topic) => `${g.service} <- ${topic}`));
    const declared = declaredTopics.flatMap((t) => t.readers.filter(isService).map((reader) => `${reader} <- ${t.name}`));
    expect(consumed.sort()).toEqual(declared.sort());
  });

  it('has the audit index read every public and internal topic and every other group\'s dead letters, and nothing else', () => {
    const expected = [
      ...allTopics().filter((t) => t.kind === 'public' || t.kind === 'internal').map((t) => t.name),
      ...allConsumerGroups().filter((g) => g.service !== 'audit-index').map((g) => `${g.group}.dlq`),
    ];
    expect([...consumerGroup('audit-index').inputs].sort()).toEqual(expected.sort());
    // Only the audit index reads dead letters as a consumer group; every other input is a declared topic.
    const otherInputs = allConsumerGroups().filter((g) => g.service !== 'audit-index').flatMap((g) => g.inputs);
    expect(otherInputs.filter((name) => topicByName(name).kind === 'dead-letter')).toEqual([]);
  });

  it('never compacts exchange or audit history, and keeps it at least a year', () => {
    for (const topic of allTopics().filter((t) => t.kind !== 'parked-keys')) {
      expect({ topic: topic.name, policy: topic.cleanupPolicy }).toEqual({ topic: topic.name, policy: 'delete' });
      expect(topic.retentionMs === -1 || topic.retentionMs >= ONE_YEAR_MS).toBe(true);
    }
  });

  it('names only Avro records listed in SchemaNames', () => {
    const known = new Set<string>(Object.values(SchemaNames));
    const unknown = allTopics().flatMap((t) => t.valueSchemas.filter((s) => !known.has(s)).map((s) => `${t.name}: ${s}`));
    expect(unknown).toEqual([]);
  });

  it('refuses unknown topics and groups rather than inventing them', () => {
    expect(() => topicByName('courts.convictions.v2')).toThrow('no topic named "courts.convictions.v2"');
    expect(() => dlqTopicFor('ecris-exchange.nobody')).toThrow('no topic named "ecris-exchange.nobody.dlq"');
  });
});

describe('toTopicSpec', () => {
  it('gives history topics delete policy and their retention', () => {
    expect(toTopicSpec(topicByName('ecris.inbound.v1'))).toEqual({
      name: 'ecris.inbound.v1',
      partitions: 6,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '315576000000' },
    });
  });

  it('gives current-state topics compaction that cleans promptly', () => {
    const spec = toTopicSpec(parkedTopicFor('ecris-exchange.translation'));
    expect(spec.config).toEqual({
      'cleanup.policy': 'compact',
      'retention.ms': '-1',
      'min.cleanable.dirty.ratio': '0.1',
      'segment.ms': '3600000',
    });
  });
});
