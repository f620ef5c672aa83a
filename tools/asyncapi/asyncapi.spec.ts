import asyncApi300 from '@asyncapi/specs/schemas/3.0.0.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Type } from 'avsc';
import { allTopics } from '@ecris/contracts';
import { parsingCanonicalForm, SchemaArchive } from '@ecris/messaging';
import { ASYNCAPI_JSON, ASYNCAPI_MD, renderAsyncApi } from './generate';
import { AVRO_SCHEMA_FORMAT } from './src/document';

type Doc = {
  channels: Record<string, { address: string; messages: Record<string, unknown>; bindings: { kafka: { topic: string; partitions: number } } }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: { schemas: Record<string, { schemaFormat?: string; schema?: unknown }> };
};

const rendered = renderAsyncApi();
const doc = rendered.document as Doc;

/** The AsyncAPI 3.0.0 JSON schema from @asyncapi/specs, minus its bundled copy of the draft-07 meta-schema, which Ajv has built in. */
function asyncApiValidator() {
  const schema = structuredClone(asyncApi300) as unknown as { definitions: Record<string, unknown> };
  delete schema.definitions['http://json-schema.org/draft-07/schema'];
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('docs/asyncapi.json and docs/asyncapi.md', () => {
  it('are up to date with the topic registry and schemas/ (run npm run asyncapi:generate when this fails)', () => {
    expect(readFileSync(ASYNCAPI_JSON, 'utf8')).toBe(rendered.json);
    expect(readFileSync(ASYNCAPI_MD, 'utf8')).toBe(rendered.markdown);
  });

  it('validates against the AsyncAPI 3.0 JSON schema, Avro payloads included', () => {
    const validate = asyncApiValidator();
    const valid = validate(JSON.parse(rendered.json));
    expect(valid ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  });

  it('would catch an invalid document', () => {
    const validate = asyncApiValidator();
    const broken = JSON.parse(rendered.json) as Doc;
    broken.operations[Object.keys(broken.operations)[0]].action = 'publish';
    expect(validate(broken)).toBe(false);
  });

  it('would catch an Avro payload the AsyncAPI Avro meta-schema refuses (a dotted name: why names are split)', () => {
    const validate = asyncApiValidator();
    const broken = JSON.parse(rendered.json) as Doc;
    (broken.components.schemas['uk.ecris.message.Notification'].schema as { name: string }).name = 'uk.ecris.message.Notification';
    expect(validate(broken)).toBe(false);
  });

  it('has every registry topic as a channel with its Kafka binding, and nothing else', () => {
    const topics = allTopics();
    expect(Object.keys(doc.channels).sort()).toEqual(topics.map((t) => t.name).sort());
    for (const topic of topics) {
      const channel = doc.channels[topic.name];
      expect({ address: channel.address, topic: channel.bindings.kafka.topic, partitions: channel.bindings.kafka.partitions }).toEqual({
        address: topic.name,
        topic: topic.name,
        partitions: topic.partitions,
      });
      expect(Object.keys(channel.messages).length).toBeGreaterThanOrEqual(topic.valueSchemas.length);
    }
  });

  it('has an operation on every channel', () => {
    const operated = new Set(Object.values(doc.operations).map((op) => op.channel.$ref.replace('#/channels/', '')));
    expect(allTopics().filter((t) => !operated.has(t.name)).map((t) => t.name)).toEqual([]);
  });

  it('carries each payload as the newest published Avro schema, meaning exactly the same', () => {
    const archive = SchemaArchive.load([join(__dirname, '..', '..', 'schemas')]);
    const named = [...new Set(allTopics().flatMap((t) => t.valueSchemas))];
    expect(named.length).toBeGreaterThan(0);
    for (const fullName of named) {
      const payload = doc.components.schemas[fullName];
      expect(payload.schemaFormat).toBe(AVRO_SCHEMA_FORMAT);
      const type = Type.forSchema(payload.schema as never, { registry: {} });
      expect(parsingCanonicalForm(type)).toBe(archive.latest(fullName)!.canonicalForm);
    }
  });
});
