/**
 * The services the local run starts, as the kit starts them. Each service keeps its definition beside its
 * main.ts, so the same object runs here, in-process, as in production. audit-index joins when its
 * definition exists (it is built in parallel): by convention `services/<name>/src/<name>.definition.ts`
 * exporting `definition`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDefinition } from '@ecris/service-kit';
import { NOTIFICATION_OUT } from '../../../services/notification-out/src/notification-out.definition';
import { definition as notificationIn } from '../../../services/notification-in/src/notification-in.definition';
import { definition as translation } from '../../../services/translation/src/translation.definition';
import { registerUpdateDefinition } from '../../../services/register-update/src/definition';
import { definition as requestIn } from '../../../services/request-in/src/request-in.definition';
import { requestOutService } from '../../../services/request-out/src/request-out.module';
import { settingsFromEnv } from '../../../services/request-out/src/config/settings';

const SERVICES_DIR = join(__dirname, '..', '..', '..', 'services');

/** Services that may not be there yet, found by the definition-file convention. */
const OPTIONAL_SERVICES = ['audit-index'] as const;

export interface DefinitionOptions {
  /** request-out's agencies file, holding the key the agency simulator uses (see agency-key.ts). */
  readonly requestOutAgenciesFile?: string;
}

/** Every service definition, in start order: consumers of a topic start before the producers that feed it. */
export function serviceDefinitions(options: DefinitionOptions = {}): ServiceDefinition[] {
  const requestOutSettings = settingsFromEnv({
    ...process.env,
    ...(options.requestOutAgenciesFile ? { REQUEST_OUT_AGENCIES_FILE: options.requestOutAgenciesFile } : {}),
  });
  return [
    registerUpdateDefinition,
    translation,
    notificationIn,
    requestIn,
    NOTIFICATION_OUT,
    requestOutService({ settings: requestOutSettings }),
    ...optionalDefinitions(),
  ];
}

function optionalDefinitions(): ServiceDefinition[] {
  return OPTIONAL_SERVICES.flatMap((name) => {
    const file = join(SERVICES_DIR, name, 'src', `${name}.definition.ts`);
    if (!existsSync(file)) return [];
    // Loaded by path: the file may not exist when this is compiled, so a static import would not type-check.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as { definition?: ServiceDefinition };
    if (!loaded.definition) throw new Error(`${file} exports no \`definition\``);
    return [loaded.definition];
  });
}
