import { fork } from 'node:child_process';
import { join } from 'node:path';

/** What the child writes: court events, NOTs from abroad, translation requests, or translated NOTs after seeding their persons on the register. */
export type Preparation =
  | { readonly kind: 'court-events'; readonly runId: string; readonly topic: string; readonly count: number }
  | {
      readonly kind: 'inbound-notifications' | 'translation-requests';
      readonly runId: string;
      readonly topic: string;
      readonly count: number;
      /** First ECRIS serial, as a decimal string (a bigint does not cross the IPC channel). */
      readonly serialBase: string;
    }
  | {
      readonly kind: 'translated-notifications';
      readonly runId: string;
      readonly topic: string;
      readonly count: number;
      /** The register's database, already migrated. */
      readonly databaseUrl: string;
      /** First ECRIS serial, as a decimal string (a bigint does not cross the IPC channel). */
      readonly serialBase: string;
    };

export interface Prepared {
  /** The outputs the inputs owe (NOTs, NRSs, English renderings, or register changes). */
  readonly owed: number;
}

/**
 * Runs prepare-inputs in a child Node process, under ts-node or compiled like this one, and resolves
 * with what it reports. The child's stdout is dropped (the report is ours); its stderr is ours too.
 */
export function prepareInChild(job: Preparation): Promise<Prepared> {
  const compiled = __filename.endsWith('.js');
  const entry = join(__dirname, `prepare-inputs.${compiled ? 'js' : 'ts'}`);
  const execArgv = compiled ? ['-r', 'tsconfig-paths/register'] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
  // Under `npm run bench` ts-node took its project from -P; the child is told through the environment.
  const project = process.env.TS_NODE_PROJECT ?? join(__dirname, '..', '..', 'tsconfig.json');
  const child = fork(entry, [], { execArgv, env: { ...process.env, TS_NODE_PROJECT: project }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let prepared: Prepared | undefined;
    child.once('message', (message: Prepared) => (prepared = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && prepared) resolve(prepared);
      else reject(new Error(`preparing the inputs failed in the child process (exit code ${code})`));
    });
    child.send(job);
  });
}
