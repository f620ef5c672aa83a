/**
 * A few helpers to author Avro schemas in TypeScript without repeating `["null", X]` and `default: null`
 * everywhere. What they build is plain Avro JSON; `bundle.ts` turns one top-level record into the
 * self-contained file that gets published under schemas/. The published file, not this source, is the contract.
 */

export type AvroSchema = string | AvroSchema[] | AvroNamedType | AvroArray | AvroMap;

export interface AvroField {
  name: string;
  type: AvroSchema;
  doc?: string;
  default?: unknown;
}

export interface AvroRecord {
  type: 'record';
  name: string;
  doc?: string;
  fields: AvroField[];
}

export interface AvroEnum {
  type: 'enum';
  name: string;
  doc?: string;
  symbols: string[];
  default: string;
}

export type AvroNamedType = AvroRecord | AvroEnum;

export interface AvroArray {
  type: 'array';
  items: AvroSchema;
}

export interface AvroMap {
  type: 'map';
  values: AvroSchema;
}

/** A named record. Always give the full name (`uk.ecris.model.Person`): no namespace inheritance to reason about. */
export function record(fullName: string, doc: string, fields: AvroField[]): AvroRecord {
  return { type: 'record', name: fullName, doc, fields };
}

/**
 * An enum always has a default symbol: a reader that meets a symbol added after it was built
 * reads the default instead of failing (the FULL_TRANSITIVE rule for enums in schemas/README.md).
 */
export function enumeration(fullName: string, doc: string, symbols: string[], defaultSymbol: string): AvroEnum {
  if (!symbols.includes(defaultSymbol)) throw new Error(`${fullName}: default ${defaultSymbol} is not a symbol`);
  return { type: 'enum', name: fullName, doc, symbols, default: defaultSymbol };
}

/** A field that must be present (ECRIS minOccurs=1). */
export function required(name: string, type: AvroSchema, doc: string): AvroField {
  return { name, type, doc };
}

/** A field that may be absent (ECRIS minOccurs=0, maxOccurs=1): `null` when absent. */
export function optional(name: string, type: AvroSchema, doc: string): AvroField {
  return { name, type: ['null', type], default: null, doc };
}

/** 0..n items (ECRIS minOccurs=0, maxOccurs=unbounded): an empty array when there are none. */
export function many(name: string, items: AvroSchema, doc: string): AvroField {
  return { name, type: { type: 'array', items }, default: [], doc };
}

/** 1..n items (ECRIS minOccurs=1): no default, and validation (libs/ecris-model) checks it is not empty. */
export function atLeastOne(name: string, items: AvroSchema, doc: string): AvroField {
  return { name, type: { type: 'array', items }, doc };
}

export const string = 'string';
export const int = 'int';
export const long = 'long';
export const boolean = 'boolean';
