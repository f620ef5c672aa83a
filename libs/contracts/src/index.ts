export * from './schema-names';
export * from './topics';
export * from './generated';
