export * from './schema-names';
export * from './topics';
