/**
 * ecris-ops: argument parsing (node's util.parseArgs, strict) and dispatch. Each command is in
 * ./commands; this file knows only their options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OpsContext } from './context';
import { CliError, EXIT, UsageError } from './errors';
import { createOutput, type Io } from './output';
import { parseCoordinates, parseDay, parsePosition, parseTime, type Coordinates, type Position } from './positions';

export interface DeadLetterSelection {
  readonly group?: string;
  readonly errorClass?: string;
  readonly errorCode?: string;
  readonly originalTopic?: string;
  readonly since?: Date;
  readonly until?: Date;
}

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'timeline'; readonly exchangeId: string; readonly decode: boolean }
  | { readonly name: 'dlq-list'; readonly filter: DeadLetterSelection; readonly count: number | undefined }
  | { readonly name: 'dlq-show'; readonly coordinates: Coordinates }
  | {
      readonly name: 'dlq-replay';
      readonly selection:
        | { readonly kind: 'coordinates'; readonly list: readonly Coordinates[] }
        | { readonly kind: 'filter'; readonly filter: DeadLetterSelection };
      readonly dryRun: boolean;
      readonly rate: number;
    }
  | {
      readonly name: 'replay';
      readonly group: string;
      readonly from: Position;
      readonly to: Position | undefined;
      readonly topic: string | undefined;
      readonly partition: number | undefined;
      readonly count: number | undefined;
      readonly dryRun: boolean;
      readonly rate: number;
    }
  | { readonly name: 'reconcile'; readonly date: string; readonly now: Date | undefined };

export interface CommonOptions {
  readonly json: boolean;
  readonly unmask: boolean;
  readonly reason: string | undefined;
  readonly ticket: string | undefined;
}

export interface CommandLine {
  readonly command: Command;
  readonly common: CommonOptions;
}

/** Replays go at this many records a second unless --rate says otherwise: enough to clear a DLQ, gentle on consumers. */
export const DEFAULT_REPLAY_RATE = 1000;

export const HELP = `ecris-ops: the operators' tool for ECRIS Exchange (tools/ops/README.md)

  ecris-ops timeline <exchange-id> [--decode]
  ecris-ops dlq list [--group G] [--class C] [--code X] [--since T] [--until T] [--count N]
  ecris-ops dlq show <dlq-topic:partition:offset>
  ecris-ops dlq replay (<dlq-topic:partition:offset>... | --filter group=G,class=C,code=X,topic=T,since=T,until=T | --all [--group G])
                       --reason "..." [--dry-run] [--rate N] [--ticket REF]
  ecris-ops replay --group G --from <offset|time> [--to <offset|time>] [--topic T] [--partition P] [--count N]
                   --reason "..." [--dry-run] [--rate N] [--ticket REF]
  ecris-ops reconcile --date YYYY-MM-DD [--now T]

Everywhere: --json (one JSON document on stdout), --unmask --reason "..." (show personal data; needs the
"unmask" right). Times: ISO 8601 (2026-03-01T10:00:00Z, 2026-03-01) or @<epoch ms>; an offset is digits.
Environment: KAFKA_BROKERS, DATABASE_URL (the audit index), ECRIS_NAMESPACE, ECRIS_OPS_OPERATOR, ECRIS_OPS_CONFIG.
Exit codes: 0 done, 1 failed, 2 usage, 3 refused, 4 reconcile found something overdue.`;

const COMMON = {
  json: { type: 'boolean' },
  unmask: { type: 'boolean' },
  reason: { type: 'string' },
  ticket: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const DLQ_FILTER = {
  group: { type: 'string' },
  class: { type: 'string' },
  code: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const REPLAY_CONTROL = {
  'dry-run': { type: 'boolean' },
  rate: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    return { command: { name: 'help' }, common: commonOf({}) };
  }
  switch (first) {
    case 'timeline': {
      const { values, positionals } = parse([second, ...rest].filter(isArg), { decode: { type: 'boolean' } });
      return withCommon(values, { name: 'timeline', exchangeId: onePositional(positionals, '<exchange-id>'), decode: values.decode ?? false });
    }
    case 'dlq':
      return parseDlq(second, rest);
    case 'replay': {
      const { values, positionals } = parse([second, ...rest].filter(isArg), {
        ...REPLAY_CONTROL,
        group: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        topic: { type: 'string' },
        partition: { type: 'string' },
        count: { type: 'string' },
      });
      noPositionals(positionals);
      return withCommon(values, {
        name: 'replay',
        group: required(values.group, '--group'),
        from: parsePosition(required(values.from, '--from')),
        to: values.to === undefined ? undefined : parsePosition(values.to),
        topic: values.topic,
        partition: values.partition === undefined ? undefined : count(values.partition, '--partition', 0),
        count: values.count === undefined ? undefined : count(values.count, '--count', 1),
        dryRun: values['dry-run'] ?? false,
        rate: values.rate === undefined ? DEFAULT_REPLAY_RATE : count(values.rate, '--rate', 0),
      });
    }
    case 'reconcile': {
      const { values, positionals } = parse([second, ...rest].filter(isArg), { date: { type: 'string' }, now: { type: 'string' } });
      noPositionals(positionals);
      return withCommon(values, {
        name: 'reconcile',
        date: parseDay(required(values.date, '--date')),
        now: values.now === undefined ? undefined : parseTime(values.now),
      });
    }
    default:
      throw new UsageError(`unknown command "${first}" (timeline, dlq, replay, reconcile, help)`);
  }
}

function parseDlq(sub: string | undefined, args: string[]): CommandLine {
  switch (sub) {
    case 'list': {
      const { values, positionals } = parse(args, { ...DLQ_FILTER, count: { type: 'string' } });
      noPositionals(positionals);
      return withCommon(values, {
        name: 'dlq-list',
        filter: selectionOf(values),
        count: values.count === undefined ? undefined : count(values.count, '--count', 1),
      });
    }
    case 'show': {
      const { values, positionals } = parse(args, {});
      return withCommon(values, { name: 'dlq-show', coordinates: parseCoordinates(onePositional(positionals, '<dlq-topic:partition:offset>')) });
    }
    case 'replay': {
      const { values, positionals } = parse(args, { ...REPLAY_CONTROL, filter: { type: 'string' }, all: { type: 'boolean' }, group: { type: 'string' } });
      const ways = [positionals.length > 0, values.filter !== undefined, values.all === true].filter(Boolean).length;
      if (ways !== 1) throw new UsageError('dlq replay takes exactly one of: coordinates, --filter ..., --all');
      if (values.group !== undefined && !values.all) throw new UsageError('--group goes with --all (in a --filter, write group=G)');
      const selection =
        positionals.length > 0
          ? { kind: 'coordinates' as const, list: positionals.map(parseCoordinates) }
          : { kind: 'filter' as const, filter: values.all ? { group: values.group } : parseFilter(values.filter as string) };
      return withCommon(values, {
        name: 'dlq-replay',
        selection,
        dryRun: values['dry-run'] ?? false,
        rate: values.rate === undefined ? DEFAULT_REPLAY_RATE : count(values.rate, '--rate', 0),
      });
    }
    default:
      throw new UsageError('dlq needs list, show or replay');
  }
}

/** `group=G,class=C,code=X,topic=T,since=T,until=T`: the same filters as dlq list. */
export function parseFilter(text: string): DeadLetterSelection {
  const values: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(group|class|code|topic|since|until)=(.+)$/.exec(part);
    if (!match) throw new UsageError(`--filter: "${part}" is not one of group=, class=, code=, topic=, since=, until=`);
    values[match[1]] = match[2];
  }
  if (Object.keys(values).length === 0) throw new UsageError('--filter needs at least one of group=, class=, code=, topic=, since=, until=');
  return selectionOf(values);
}

function selectionOf(values: { group?: string; class?: string; code?: string; topic?: string; since?: string; until?: string }): DeadLetterSelection {
  return {
    group: values.group,
    errorClass: values.class,
    errorCode: values.code,
    originalTopic: values.topic,
    since: values.since === undefined ? undefined : parseTime(values.since),
    until: values.until === undefined ? undefined : parseTime(values.until),
  };
}

function withCommon(values: { json?: boolean; unmask?: boolean; reason?: string; ticket?: string; help?: boolean }, command: Command): CommandLine {
  return { command: values.help ? { name: 'help' } : command, common: commonOf(values) };
}

function commonOf(values: { json?: boolean; unmask?: boolean; reason?: string; ticket?: string }): CommonOptions {
  return { json: values.json ?? false, unmask: values.unmask ?? false, reason: values.reason, ticket: values.ticket };
}

const isArg = (arg: string | undefined): arg is string => arg !== undefined;

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected one ${what}, got ${positionals.length}`);
  return positionals[0];
}

function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} is required`);
  return value;
}

function count(text: string, option: string, min: number): number {
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < min) throw new UsageError(`${option} must be a whole number >= ${min}`);
  return Number(text);
}

/** Runs one command line; resolves to the exit code. Errors are reported on stderr, one line, never a stack. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io, now?: () => Date): Promise<number> {
  let line: CommandLine;
  try {
    line = parseCommandLine(argv);
  } catch (error) {
    io.stderr.write(`ecris-ops: ${error instanceof Error ? error.message : String(error)}\n${HELP}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.usage;
  }
  if (line.command.name === 'help') {
    io.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const context = new OpsContext(env, createOutput(io, { json: line.common.json, env }), now);
  try {
    return await dispatch(line.command, line.common, context);
  } catch (error) {
    const known = error instanceof CliError;
    io.stderr.write(`ecris-ops: ${known ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
    if (!known && env.ECRIS_OPS_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return known ? error.exitCode : EXIT.failure;
  } finally {
    await context.close();
  }
}

async function dispatch(command: Exclude<Command, { name: 'help' }>, common: CommonOptions, context: OpsContext): Promise<number> {
  // Loaded on use: each command pulls in only what it needs.
  switch (command.name) {
    case 'timeline':
      return (await import('./commands/timeline')).timeline(command, common, context);
    case 'dlq-list':
      return (await import('./commands/dlq-list')).dlqList(command, common, context);
    case 'dlq-show':
      return (await import('./commands/dlq-show')).dlqShow(command, common, context);
    case 'dlq-replay':
      return (await import('./commands/dlq-replay')).dlqReplay(command, common, context);
    case 'replay':
      return (await import('./commands/replay')).replayRange(command, common, context);
    case 'reconcile':
      return (await import('./commands/reconcile')).reconcile(command, common, context);
  }
}

/** The bin's entry: exit with the command's code once its output is flushed. */
export function main(): void {
  void runCli(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    // Exit once stdout is flushed, whatever a client library may still hold open.
    process.stdout.write('', () => process.exit(code));
  });
}
