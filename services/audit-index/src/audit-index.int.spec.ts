import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumerGroup, SchemaNames } from '@ecris/contracts';
import {
  AvroCodec,
  deadLetterRecord,
  encodeOutbound,
  KafkaAdmin,
  KafkajsRecordSender,
  REPLAY_HEADERS,
  SchemaArchive,
  type EventMeta,
  type RawOutboundRecord,
} from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService, type RunningService } from '@ecris/service-kit';
import { eventually, provisionNamespace, testDatabaseUrl, testKafkaSettings, withPgPool } from '@ecris/testing';
import { definition } from './audit-index.definition';

const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
const fixture = <T>(path: string) => JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, path), 'utf8')) as T & { meta: EventMeta };

interface Row {
  topic: string;
  partition: number;
  record_offset: string;
  correlation_id: string;
  ce_id: string;
  ce_type: string | null;
  causation_id: string | null;
  has_ce_headers: boolean;
  value_schema: string | null;
  value_schema_version: number | null;
  replay_of: string | null;
  replay_of_original: string | null;
  replay_by: string | null;
  dlq_consumer_group: string | null;
  dlq_error_class: string | null;
  dlq_error_code: string | null;
  dlq_original_topic: string | null;
  dlq_original_offset: string | null;
}

describe('audit-index', () => {
  let ns: string;
  let service: RunningService;
  let sender: KafkajsRecordSender;
  const env = () => ({ ...process.env, ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: testDatabaseUrl() });
  const start = () => startService(definition, env());

  beforeAll(async () => {
    ns = await provisionNamespace('audit-index');
    service = await start();
    sender = await KafkajsRecordSender.connect(testKafkaSettings());
  });

  afterAll(async () => {
    await sender?.disconnect();
    await service?.close();
  });

  const rowsOf = (correlationId: string) =>
    withPgPool(async (pool) => {
      const { rows } = await pool.query<Row>(
        `SELECT * FROM audit.records WHERE correlation_id = $1 AND starts_with(topic, $2) ORDER BY record_time, topic, record_offset`,
        [correlationId, ns],
      );
      return rows;
    });

  it('indexes every record of every topic it reads: decodable or not, with or without headers, dead letters and replays', async () => {
    const exchange = `${ns}FR-GB-NOT-000000000000123`;
    const not = fixture<object>('uk/ecris/message/fixtures/Notification.v1.json');
    const notMeta: EventMeta = { ...not.meta, id: `${ns}not-1`, correlationId: exchange, causationId: null };
    const inbound = encodeOutbound(codec, { topic: `${ns}ecris.inbound.v1`, key: exchange, schema: SchemaNames.notification, value: not, meta: notMeta });
    const translation = fixture<object>('uk/ecris/exchange/fixtures/TranslationRequested.v2.json');
    const translationMeta: EventMeta = { ...translation.meta, id: `${ns}tr-1`, correlationId: exchange, causationId: notMeta.id };
    const internal = encodeOutbound(codec, {
      topic: `${ns}exchange.notification-in.translation-requested.v1`,
      key: exchange,
      schema: SchemaNames.translationRequested,
      value: translation,
      meta: translationMeta,
    });
    // A dead letter of the translation request, as the runner writes it, and its re-drive by the ops tool.
    const deadLetter = deadLetterRecord(
      { topic: internal.topic, partition: 0, offset: '0', timestamp: String(Date.now()), key: Buffer.from(exchange), value: internal.value, headers: internal.headers },
      {
        group: `${ns}${consumerGroup('translation').group}`,
        service: 'translation',
        serviceVersion: '0.1.0',
        dlqTopic: `${ns}ecris-exchange.translation.dlq`,
        failure: { disposition: 'poison', errorClass: 'business', code: 'NO_CODE_BOOK', message: 'no code book for that day' },
        attempts: 1,
        firstFailureAt: new Date().toISOString(),
        lastFailureAt: new Date().toISOString(),
      },
    );
    const replayed: RawOutboundRecord = {
      ...internal,
      headers: {
        ...internal.headers,
        [REPLAY_HEADERS.replayOf]: Buffer.from(`${ns}ecris-exchange.translation.dlq:0:0`),
        [REPLAY_HEADERS.replayOfOriginal]: Buffer.from(`${internal.topic}:0:0`),
        [REPLAY_HEADERS.replayedBy]: Buffer.from('OPS-0001'),
      },
    };
    // Bytes nobody can decode, with no headers at all: indexed by key and coordinates.
    const garbage: RawOutboundRecord = { topic: `${ns}ecris.inbound.v1`, key: exchange, value: Buffer.from([0xc3, 0x01, 1, 2, 3]), headers: {} };

    await sender.send([inbound, internal, deadLetter, replayed, garbage]);
    await eventually(async () => (await rowsOf(exchange)).length === 5, 20_000, 'five rows indexed');

    const rows = await rowsOf(exchange);
    const byTopic = (topic: string) => rows.filter((row) => row.topic === `${ns}${topic}`);
    expect(byTopic('ecris.inbound.v1')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ce_id: notMeta.id, has_ce_headers: true, value_schema: SchemaNames.notification, value_schema_version: 1 }),
        expect.objectContaining({ has_ce_headers: false, value_schema: null, ce_type: null }),
      ]),
    );
    const garbageRow = byTopic('ecris.inbound.v1').find((row) => !row.has_ce_headers)!;
    expect(garbageRow.ce_id).toBe(`${garbageRow.topic}:${garbageRow.partition}:${garbageRow.record_offset}`);

    const [original, copy] = byTopic('exchange.notification-in.translation-requested.v1');
    expect(original).toMatchObject({ ce_id: translationMeta.id, causation_id: notMeta.id, replay_of: null, value_schema_version: 2 });
    // The replayed copy shares the ce_id and gets its own row: rows are by coordinates, not by id.
    expect(copy).toMatchObject({ ce_id: translationMeta.id, replay_of: `${ns}ecris-exchange.translation.dlq:0:0`, replay_by: 'OPS-0001' });

    expect(byTopic('ecris-exchange.translation.dlq')).toEqual([
      expect.objectContaining({
        ce_id: translationMeta.id,
        dlq_consumer_group: `${ns}ecris-exchange.translation`,
        dlq_error_class: 'business',
        dlq_error_code: 'NO_CODE_BOOK',
        dlq_original_topic: internal.topic,
        dlq_original_offset: '0',
      }),
    ]);
  });

  it('indexes a record redelivered from the start of the log once: the rows stay as they were', async () => {
    const exchange = `${ns}redelivered`;
    const action = fixture<object>('uk/ecris/ops/fixtures/OperatorAction.v2.json');
    const meta: EventMeta = { ...action.meta, id: `${ns}action-1`, correlationId: exchange };
    await sender.send([encodeOutbound(codec, { topic: `${ns}ops.actions.v1`, key: exchange, schema: SchemaNames.operatorAction, value: action, meta })]);
    await eventually(async () => (await rowsOf(exchange)).length === 1, 20_000, 'the action indexed');
    const before = await withPgPool(async (pool) => (await pool.query(`SELECT count(*)::int AS n FROM audit.records WHERE starts_with(topic, $1)`, [ns])).rows[0].n);

    // Forget the group's committed offsets: the restarted service reads every topic again from the start.
    await service.close();
    const admin = new KafkaAdmin(testKafkaSettings());
    await admin.connect();
    await admin.deleteGroups([`${ns}${consumerGroup('audit-index').group}`]);
    await admin.disconnect();
    service = await start();

    await eventually(async () => /ecris_audit_rows_total\{[^}]*result="already-indexed"[^}]*\} ([0-9]+)/.exec(await (await fetch(`${service.url}/metrics`)).text())?.[1] === String(before), 20_000, 'every row seen again');
    const after = await withPgPool(async (pool) => (await pool.query(`SELECT count(*)::int AS n FROM audit.records WHERE starts_with(topic, $1)`, [ns])).rows[0].n);
    expect(after).toBe(before);
  });
});
