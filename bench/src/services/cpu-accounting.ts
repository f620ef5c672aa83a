import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDatabase } from '@ecris/messaging';

/**
 * Where the CPU went during a timed part, in milliseconds: this process (the service, plus the bench's
 * own polling), the PostgreSQL backends serving the phase's database, and the bench's broker. On a
 * shared 2-core machine a rate moves with the neighbours' load; CPU per record moves far less, and says
 * which of the three to look at first.
 */
export interface CpuSpent {
  readonly serviceProcessMs: number;
  readonly postgresBackendsMs: number;
  /** Undefined when the broker's pid file is not where deploy/kafka/start.sh writes it. */
  readonly brokerMs: number | undefined;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export class CpuAccounting {
  private constructor(
    private readonly selfStart: NodeJS.CpuUsage,
    private readonly brokerPid: number | undefined,
    private readonly brokerStart: number | undefined,
  ) {}

  static start(brokers: readonly string[]): CpuAccounting {
    const brokerPid = brokerPidOf(brokers);
    return new CpuAccounting(process.cpuUsage(), brokerPid, brokerPid === undefined ? undefined : cpuMsOf(brokerPid));
  }

  /**
   * Call before the service closes: its database connections are the backends counted (a pool keeps
   * them open while busy, and they were opened when the service started, so their whole CPU is the phase's).
   */
  async stop(db: SqlDatabase, databaseName: string): Promise<CpuSpent> {
    const self = process.cpuUsage(this.selfStart);
    const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      databaseName,
    ]);
    const postgres = rows.reduce((sum, row) => sum + (cpuMsOf(row.pid) ?? 0), 0);
    const broker = this.brokerPid === undefined || this.brokerStart === undefined ? undefined : (cpuMsOf(this.brokerPid) ?? 0) - this.brokerStart;
    return { serviceProcessMs: Math.round((self.user + self.system) / 1000), postgresBackendsMs: postgres, brokerMs: broker };
  }
}

/** utime + stime of a process from /proc, in ms; undefined once it has gone. */
function cpuMsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** deploy/kafka/start.sh keeps the broker's pid in ${TMPDIR:-/tmp}/ecris-kafka-<port>/kafka.pid. */
function brokerPidOf(brokers: readonly string[]): number | undefined {
  const port = brokers[0]?.split(':')[1];
  const pidFile = join(process.env.TMPDIR ?? tmpdir(), `ecris-kafka-${port}`, 'kafka.pid');
  if (!port || !existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) ? pid : undefined;
}
