import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Runs a TypeScript entry point in a child Node process (ts-node with the workspace's path aliases,
 * as the tools run) until it exits, and resolves with the signal that ended it (null on a plain exit).
 * For tests that kill a real process at a fault point. Rejects, killing it, after `timeoutMs`.
 */
export function runTsUntilExit(entryPoint: string, env: Record<string, string>, timeoutMs: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', entryPoint], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, TS_NODE_PROJECT: join(REPO_ROOT, 'tools', 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entryPoint} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolvePromise(signal);
    });
  });
}
