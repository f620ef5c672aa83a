import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly records: number;
  readonly valueBytes: number;
  readonly partitions: number;
  readonly runs: number;
  readonly concurrency: number;
  readonly rate: number;
  readonly latencySeconds: number;
  readonly warmupSeconds: number;
  readonly phases: readonly Phase[];
  readonly out: string;
  readonly courtEvents: number;
  readonly translated: number;
  readonly inboundNotifications: number;
  readonly translationRequests: number;
  readonly requestRate: number;
  readonly requestSeconds: number;
  readonly servicePartitions: number;
  readonly serviceLogLevel: string;
}

/** The runner-vs-raw phases, then the service phases of issues 4 and 5 (bench/src/services). */
export const PHASES = ['throughput', 'latency', 'notification-e2e', 'register-update', 'notification-in', 'translation', 'request-in-latency'] as const;
export type Phase = (typeof PHASES)[number];

/** Flag, default, what it sets: the README's table is written from this. */
const FLAGS = {
  records: ['50000', 'records pre-loaded for the throughput phase'],
  'value-bytes': ['1024', 'approximate size of each Avro value'],
  partitions: ['3', 'partitions of every input and output topic'],
  runs: ['2', 'throughput passes per side (interleaved raw, runner, raw, ...)'],
  concurrency: ['3', 'partitions processed at once, on both sides'],
  rate: ['200', 'records per second sent in the latency phase'],
  'latency-seconds': ['20', 'measured seconds of the latency phase, per side'],
  'warmup-seconds': ['3', 'seconds sent before measuring, per side (and in request-in-latency)'],
  phases: ['throughput,latency', `which phases to run, of ${PHASES.join(', ')}`],
  out: ['bench/results/latest.json', 'where the JSON results go'],
  'court-events': ['20000', 'notification-e2e: court events pre-loaded'],
  translated: ['12000', 'register-update: translated NOTs pre-loaded (and persons on the register)'],
  'inbound-nots': ['5000', 'notification-in: NOTs from Spain pre-loaded on ecris.inbound.v1'],
  'translation-requests': ['10000', 'translation: requests pre-loaded (their texts in the translation memory)'],
  'request-rate': ['50', 'request-in-latency: REQs per second'],
  'request-seconds': ['20', 'request-in-latency: measured seconds (after --warmup-seconds)'],
  'service-partitions': ['6', 'service phases: partitions of every registry topic (the registry has 6)'],
  'service-log-level': ['warn', 'service phases: the service LOG_LEVEL (info logs a line per record)'],
} as const;

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, [value, what]]) => `  --${flag.padEnd(19)} ${what} (default ${value})`);
  return ['npm run bench -- [flags]', ...lines].join('\n');
}

export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(Object.entries(FLAGS).map(([flag, [value]]) => [flag, { type: 'string' as const, default: value }])),
      help: { type: 'boolean', short: 'h' },
    },
  }) as { values: Record<string, string | boolean | undefined> };
  if (values.help) return 'help';
  const text = (flag: keyof typeof FLAGS) => String(values[flag]);
  const positive = (flag: keyof typeof FLAGS, allowZero = false) => {
    const value = Number(text(flag));
    if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`--${flag} must be a whole number${allowZero ? '' : ' above 0'}`);
    return value;
  };
  const phases = text('phases').split(',').map((phase) => phase.trim());
  for (const phase of phases) {
    if (!(PHASES as readonly string[]).includes(phase)) throw new Error(`--phases: unknown phase ${phase}`);
  }
  return {
    records: positive('records'),
    valueBytes: positive('value-bytes'),
    partitions: positive('partitions'),
    runs: positive('runs'),
    concurrency: positive('concurrency'),
    rate: positive('rate'),
    latencySeconds: positive('latency-seconds'),
    warmupSeconds: positive('warmup-seconds', true),
    phases: phases as BenchOptions['phases'],
    out: text('out'),
    courtEvents: positive('court-events'),
    translated: positive('translated'),
    inboundNotifications: positive('inbound-nots'),
    translationRequests: positive('translation-requests'),
    requestRate: positive('request-rate'),
    requestSeconds: positive('request-seconds'),
    servicePartitions: positive('service-partitions'),
    serviceLogLevel: text('service-log-level'),
  };
}
