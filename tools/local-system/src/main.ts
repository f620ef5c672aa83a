/**
 * `npm start` (through deploy/start-local.sh, which provides the broker): the whole system until Ctrl-C,
 * or for `--duration` seconds. Human-readable lines go to stderr, the services' JSON logs to stdout, so
 * the script can send the logs to a file and keep the terminal for the summary. Exit 0 after a clean stop;
 * 1 when the system could not start or a service stopped on a fatal error.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { ExchangeCounts } from './exchange-counts';
import { parseLocalOptions, USAGE, type LocalOptions } from './local-options';
import { LocalSystem } from './local-system';
import { formatSummary } from './summary';

const print = (text: string) => process.stderr.write(`${text}\n`);

interface Report {
  readonly state: 'running' | 'stopped';
  readonly elapsedSeconds: number;
  readonly stopReason?: string;
  readonly counts: ExchangeCounts;
}

/** Written whole and then renamed into place, so a reader never sees half a report. */
function writeReport(options: LocalOptions, report: Report): void {
  if (!options.reportFile) return;
  const partial = `${options.reportFile}.partial`;
  writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(partial, options.reportFile);
}

async function main(): Promise<number> {
  let options: LocalOptions;
  try {
    options = parseLocalOptions(process.argv.slice(2), process.env);
  } catch (error) {
    print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    print(USAGE);
    return 0;
  }

  const startedAt = Date.now();
  let stopRequested: (reason: string, failed: boolean) => void = () => undefined;
  const stopped = new Promise<{ reason: string; failed: boolean }>((resolve) => {
    stopRequested = (reason, failed) => resolve({ reason, failed });
  });
  let fatal: string | undefined;
  // A Ctrl-C can arrive twice at once (from the terminal, and passed on by the start script): only a
  // second one a moment later means "do not wait for the drain".
  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined && Date.now() - firstSignalAt > 2_000) {
      print(`${signal} again: exiting without waiting for the services to drain`);
      process.exit(130);
    }
    firstSignalAt ??= Date.now();
    stopRequested(signal, false);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  print('ECRIS Exchange: the whole system on this machine');
  let system: LocalSystem;
  try {
    system = await LocalSystem.start({
      simulators: options.simulators,
      env: process.env,
      print,
      onFatal: (reason) => {
        fatal ??= reason;
        stopRequested(`fatal error in ${reason}`, true);
      },
    });
  } catch {
    return 1;
  }
  print(options.durationSeconds ? `running for ${options.durationSeconds} s; Ctrl-C stops sooner` : 'running: Ctrl-C stops everything cleanly');

  const duration = options.durationSeconds ? setTimeout(() => stopRequested(`--duration ${options.durationSeconds} s`, false), options.durationSeconds * 1000) : undefined;
  let shown = '';
  const summary = setInterval(() => {
    const counts = system.counts();
    const key = JSON.stringify(counts);
    writeReport(options, { state: 'running', elapsedSeconds: (Date.now() - startedAt) / 1000, counts });
    if (key === shown) return;
    shown = key;
    print(formatSummary(counts, Date.now() - startedAt));
  }, options.summaryEverySeconds * 1000);

  const { reason, failed } = await stopped;
  clearInterval(summary);
  clearTimeout(duration);
  print(`stopping (${reason}): the simulated traffic, then the services (each drains and leaves its group), then the broker if the script started it`);
  const counts = await system.stop();
  const elapsedMs = Date.now() - startedAt;
  print(formatSummary(counts, elapsedMs, 'final counts'));
  writeReport(options, { state: 'stopped', elapsedSeconds: elapsedMs / 1000, stopReason: reason, counts });
  if (fatal) print(`stopped because ${fatal}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    print(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
