import { applyServiceHeapSettings } from './heap-settings';
import { startService } from './start-service';
import type { ServiceDefinition } from './service-definition';

/**
 * A service's `main`: the process's heap settings, start, stop cleanly on SIGTERM/SIGINT (in-flight records finish and are committed),
 * and exit non-zero on a fatal consumer error so the supervisor restarts it.
 */
export function runServiceMain(definition: ServiceDefinition): void {
  applyServiceHeapSettings();
  let stop: (() => Promise<void>) | undefined;
  const shutdown = (code: number) => {
    void (stop ? stop() : Promise.resolve()).finally(() => process.exit(code));
  };
  startService(definition, process.env, { onFatal: () => shutdown(1) })
    .then((running) => {
      stop = () => running.close();
      process.once('SIGTERM', () => shutdown(0));
      process.once('SIGINT', () => shutdown(0));
    })
    .catch((error: unknown) => {
      process.stderr.write(`${definition.service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
