import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueName } from '@ecris/testing';
import { KafkaAdmin } from '../kafka/kafka-admin';
import { KafkajsRecordSender } from '../kafka/kafkajs-record-sender';
import { TopicTail } from '../kafka/topic-tail';
import type { KafkaSettings } from '../kafka/kafka-settings';
import { codec, echoTo, startTestRunner, testEvent, type RunningTestRunner } from '../testing/runner-harness';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
// A broker of this test's own: killing the shared one would fail every other test running beside it.
const PORT = String(19_700 + (process.pid % 200));
const RUN_DIR = `/tmp/ecris-kafka-restart-test-${PORT}`;
const brokerEnv = { ...process.env, KAFKA_PORT: PORT, KAFKA_RUN_DIR: RUN_DIR };

function brokerScript(script: string, extraEnv: Record<string, string> = {}): void {
  const run = spawnSync('bash', [join(REPO_ROOT, 'deploy', 'kafka', script)], {
    env: { ...brokerEnv, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`deploy/kafka/${script} failed (${run.status ?? run.signal})`);
}

function killBrokerHard(): void {
  const pid = Number(readFileSync(join(RUN_DIR, 'kafka.pid'), 'utf8'));
  process.kill(pid, 'SIGKILL');
  spawnSync('bash', ['-c', `while kill -0 ${pid} 2>/dev/null; do sleep 0.1; done`], { timeout: 10_000 });
}

describe('a broker killed and restarted mid-stream', () => {
  const settings: KafkaSettings = { brokers: [`127.0.0.1:${PORT}`], clientId: 'broker-restart-test' };
  let running: RunningTestRunner | undefined;
  let tail: TopicTail | undefined;

  beforeAll(() => brokerScript('start.sh'));
  afterAll(async () => {
    // Every client first, then the broker: a client still connected when it goes retries it for ever.
    await running?.stop().catch((error: unknown) => console.warn(`broker-restart test: runner did not stop cleanly: ${String(error)}`));
    await tail?.stop().catch((error: unknown) => console.warn(`broker-restart test: tail did not stop cleanly: ${String(error)}`));
    brokerScript('stop.sh');
  });

  it('loses no acknowledged record', async () => {
    const base = uniqueName('broker-restart');
    const topics = { input: `${base}.in`, output: `${base}.out`, dlq: `${base}.dlq`, parked: `${base}.parked`, group: `${base}.grp` };
    const admin = new KafkaAdmin(settings);
    await admin.connect();
    await admin.ensureTopics(
      [topics.input, topics.output, topics.dlq, topics.parked].map((name) => ({ name, partitions: 2, config: {} })),
    );
    await admin.disconnect();

    running = await startTestRunner(topics, echoTo(topics.output), { settings });
    const send = async (from: number, to: number) => {
      const sender = await KafkajsRecordSender.connect(settings);
      const batch = [];
      for (let n = from; n <= to; n++) batch.push(testEvent(topics.input, `K${n % 7}`, n));
      try {
        await sender.send(batch); // resolves only once the broker acknowledged every record
      } finally {
        await sender.disconnect();
      }
    };

    await send(1, 150);
    killBrokerHard();
    brokerScript('start.sh', { KAFKA_KEEP_DATA: '1' });
    await send(151, 300);

    tail = await TopicTail.start(settings, [topics.output]);
    const outputs = await tail.waitFor((records) => distinctSequences(records).size >= 300, 90_000);
    const sequences = distinctSequences(outputs);
    expect(sequences.size).toBe(300);
    expect(Math.min(...sequences)).toBe(1);
    expect(Math.max(...sequences)).toBe(300);
  });
});

function distinctSequences(records: readonly { value: Buffer | null }[]): Set<number> {
  return new Set(records.map((record) => (codec.decode(record.value).value as { sequence: number }).sequence));
}
