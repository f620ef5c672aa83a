/**
 * The flow test: the start command (deploy/start-local.sh, what `npm start` runs) brings the whole system
 * up as a child process, in its own namespace on the test broker, with the embedded PGlite register and
 * the simulators; the exchanges flow (NOTs sent and acknowledged, other states' NOTs on the register,
 * requests answered both ways, nothing dead-lettered); Ctrl-C (SIGINT to its process group, as a terminal
 * sends it) stops it cleanly with exit code 0 and final counts. Waits by polling the counts the command
 * writes (--report), never by sleeping; timeouts are generous for a loaded 2-core machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, provisionNamespace } from '@ecris/testing';
import type { ExchangeCounts } from '../tools/local-system/src/exchange-counts';

interface Report {
  readonly state: 'running' | 'stopped';
  readonly stopReason?: string;
  readonly counts: ExchangeCounts;
}

const ROOT = join(__dirname, '..');
const FLOWING_WITHIN_MS = 180_000;
const STOPPED_WITHIN_MS = 90_000;

function readReport(file: string): Report | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch {
    return undefined; // caught between the truncation and the write: the next poll reads it whole
  }
}

/** Every process exchange has happened at least once. */
function flowing(counts: ExchangeCounts): boolean {
  return (
    counts.notificationsOut.sent > 0 &&
    counts.notificationsOut.acknowledged > 0 &&
    counts.notificationsIn.onRegister > 0 &&
    counts.requestsIn.answered > 0 &&
    counts.requestsOut.agencyAnswers > 0
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('npm start: the whole system, for a short burst', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let terminal = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecris-flow-'));
  });

  afterAll(async () => {
    // Only if the test failed before stopping it: never leave the system running.
    if (child && child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGKILL');
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings every service and simulator up, shows exchanges flowing, and stops cleanly on Ctrl-C', async () => {
    const namespace = await provisionNamespace('local-system');
    const reportFile = join(dir, 'report.json');
    child = spawn('bash', ['deploy/start-local.sh', '--report', reportFile, '--summary-every', '2'], {
      cwd: ROOT,
      // A process group of its own, like a terminal's foreground job, so Ctrl-C can be sent the same way.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ECRIS_NAMESPACE: namespace,
        DATABASE_URL: '',
        HTTP_PORT: '0',
        LOG_LEVEL: 'info',
        ECRIS_LOG_FILE: join(dir, 'services.log'),
        ECRIS_SIM_SEED: 'flow-test',
        ECRIS_SIM_RATE: '60',
      },
    });
    child.stderr!.on('data', (chunk: Buffer) => (terminal += chunk.toString('utf8')));
    const stillRunning = () => child!.exitCode === null && child!.signalCode === null;

    await eventually(
      () => {
        if (!stillRunning()) throw new Error(`the start command exited early:\n${terminal}`);
        const report = readReport(reportFile);
        return report !== undefined && flowing(report.counts);
      },
      FLOWING_WITHIN_MS,
      'NOTs sent and acknowledged, foreign NOTs on the register, requests answered',
    );
    expect(terminal).toMatch(/services\s+register-update\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(terminal).toMatch(/request-out\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(terminal).toContain('database    embedded PGlite');

    process.kill(-child.pid!, 'SIGINT');
    const stopped = await Promise.race([
      exited(child),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit ${STOPPED_WITHIN_MS} ms after SIGINT:\n${terminal}`)), STOPPED_WITHIN_MS).unref()),
    ]);
    expect(stopped).toEqual({ code: 0, signal: null });

    const final = readReport(reportFile)!;
    expect(final.state).toBe('stopped');
    expect(final.stopReason).toBe('SIGINT');
    expect(flowing(final.counts)).toBe(true);
    const { counts } = final;
    expect(counts.notificationsOut.acknowledged).toBeLessThanOrEqual(counts.notificationsOut.sent);
    expect(counts.requestsIn.answered).toBeLessThanOrEqual(counts.requestsIn.received);
    // Nothing the simulators send is poison by default (ECRIS_SIM_GARBAGE_SHARE=0): any dead letter is a fault.
    expect(counts.deadLettered.byCode).toEqual({});
    expect(terminal).toContain('final counts');
  }, FLOWING_WITHIN_MS + STOPPED_WITHIN_MS + 60_000);
});
