import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { personalDataRedactPaths } from './personal-data-paths';

export type { Logger } from 'pino';

export const REDACTED = '[REDACTED]';

export interface LoggerSettings {
  /** The service name, on every line. */
  readonly service: string;
  readonly version?: string;
  /** Defaults to LOG_LEVEL, else `info`. */
  readonly level?: string;
  /** Defaults to stdout; tests pass a stream to read what was logged. */
  readonly destination?: DestinationStream;
}

/** pino, JSON lines, ISO times, personal data censored by key. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: settings.service, ...(settings.version ? { version: settings.version } : {}) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: personalDataRedactPaths(), censor: REDACTED },
    formatters: { level: (label) => ({ level: label }) },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

/** Where a record sits on the log and which exchange it belongs to: on every line about it. */
export interface RecordLogContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly messageId?: string;
  readonly correlationId?: string;
}

export function recordLogger(logger: Logger, context: RecordLogContext): Logger {
  return logger.child({
    topic: context.topic,
    partition: context.partition,
    offset: context.offset,
    messageId: context.messageId,
    correlationId: context.correlationId,
  });
}

const LEVEL_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/**
 * `recordLogger`, made only when a line is written at an enabled level: most records log nothing at
 * the configured level, and a pino child with redaction costs tens of microseconds per record.
 */
export function lazyRecordLogger(logger: Logger, context: RecordLogContext): Logger {
  let child: Logger | undefined;
  const made = () => (child ??= recordLogger(logger, context));
  return new Proxy(logger, {
    get(parent, property) {
      if (typeof property === 'string' && LEVEL_METHODS.has(property)) {
        return (...args: unknown[]) => {
          if (parent.isLevelEnabled(property)) (made()[property as 'info'] as (...a: unknown[]) => void)(...args);
        };
      }
      const value: unknown = Reflect.get(made(), property);
      return typeof value === 'function' ? value.bind(made()) : value;
    },
  });
}
