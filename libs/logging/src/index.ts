export { createLogger, lazyRecordLogger, recordLogger, REDACTED } from './logger';
export type { Logger, LoggerSettings, RecordLogContext } from './logger';
export { PERSONAL_DATA_KEYS, personalDataRedactPaths } from './personal-data-paths';
