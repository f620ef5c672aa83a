import type { Type } from 'avsc';

/**
 * The schema's Parsing Canonical Form (Avro spec): full names, only the attributes that matter for
 * parsing, in the spec's order, no white space. avsc's `schema()` without options already strips
 * docs, defaults, aliases and logical types and orders the keys that way; we only serialise it.
 */
export function parsingCanonicalForm(type: Type): string {
  return JSON.stringify(type.schema());
}
