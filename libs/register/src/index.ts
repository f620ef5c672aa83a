/**
 * The national register (persons, UK and foreign convictions, their history) in PostgreSQL schema
 * `register`: its migrations, read API, person matcher, and the write API register-update uses.
 * See README.md for what each caller should use.
 */
export type * from './types';
export { registerMigrations, registerMigrationsDir } from './migrations';
export { RegisterReader, type RegisterReaderOptions } from './register-reader';
export { convictionKeyString, RegisterWriter, VersionConflictError } from './register-writer';
export { registerStatusOf } from './register-status';
export { DEFAULT_MATCH_THRESHOLDS, matchPerson, compareDates } from './matching/match-person';
export { normaliseName, nameTokens, looseKey } from './matching/names';
export { searchKeys, normaliseIdentifier } from './matching/search-keys';
export { transliterate } from './matching/transliteration';
