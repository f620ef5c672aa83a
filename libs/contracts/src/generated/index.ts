// The TypeScript side of schemas/: generated, never hand-written (tools/schemas/generate-types.ts).
export * from './schema-types';
