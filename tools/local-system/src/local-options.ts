/**
 * The start command's options: a few flags, the rest from the environment.
 *
 *   --duration <seconds>      run that long, print the final counts and exit (tests, CI); default: until Ctrl-C
 *   --no-simulators           no simulated traffic (also ECRIS_SIMULATORS=off)
 *   --summary-every <seconds> how often the live summary prints (default 5)
 *   --report <file>           also write the counts there as JSON, at every summary and at the end
 *   --help
 *
 * Environment: KAFKA_BROKERS (else the script starts a local broker), DATABASE_URL (else one embedded
 * PGlite shared by all services), ECRIS_NAMESPACE (prefix of every topic and group; tests), HTTP_PORT=0
 * (every service on a free port instead of its default), LOG_LEVEL, ECRIS_SIM_* (tools/simulators/README.md).
 */
export interface LocalOptions {
  readonly durationSeconds: number | undefined;
  readonly simulators: boolean;
  readonly summaryEverySeconds: number;
  readonly reportFile: string | undefined;
  readonly help: boolean;
}

export const USAGE = `usage: npm start [-- --duration <seconds>] [--no-simulators] [--summary-every <seconds>] [--report <file>]
  Runs the whole ECRIS Exchange on this machine: a local Kafka broker unless KAFKA_BROKERS is set, the
  topics, every service in one process (one embedded PGlite database unless DATABASE_URL is set), the
  simulators (ECRIS gateway, court feed, agencies) unless --no-simulators or ECRIS_SIMULATORS=off, and a
  live summary of the exchanges. Ctrl-C stops everything cleanly.`;

function positive(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isFinite(number) || number <= 0) throw new Error(`${flag} needs a number of seconds above 0`);
  return number;
}

export function parseLocalOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LocalOptions {
  let durationSeconds: number | undefined;
  let simulators = !['off', 'false', '0', 'no'].includes((env.ECRIS_SIMULATORS ?? '').trim().toLowerCase());
  let summaryEverySeconds = 5;
  let reportFile: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--duration':
        durationSeconds = positive(flag, value());
        break;
      case '--no-simulators':
        simulators = false;
        break;
      case '--summary-every':
        summaryEverySeconds = positive(flag, value());
        break;
      case '--report': {
        reportFile = value();
        if (!reportFile) throw new Error('--report needs a file name');
        break;
      }
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return { durationSeconds, simulators, summaryEverySeconds, reportFile, help };
}
