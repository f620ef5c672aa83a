/**
 * Turns an authored record (nested named types written out in full wherever they are used) into one
 * self-contained Avro schema: the first use of each named type keeps its definition, later uses
 * become a reference by full name, as Avro requires. Two different definitions under one name are an error.
 */
import { Type } from 'avsc';
import { isDeepStrictEqual } from 'node:util';
import type { AvroRecord, AvroSchema } from './dsl';
import { compactJson } from './compact-json';

export function bundle(root: AvroRecord): object {
  const defined = new Map<string, unknown>();

  const visit = (schema: AvroSchema): unknown => {
    if (typeof schema === 'string') return schema;
    if (Array.isArray(schema)) return schema.map(visit);
    if (schema.type === 'array') return { type: 'array', items: visit(schema.items) };
    if (schema.type === 'map') return { type: 'map', values: visit(schema.values) };
    const earlier = defined.get(schema.name);
    if (earlier !== undefined) {
      if (!isDeepStrictEqual(earlier, schema)) {
        throw new Error(`${root.name}: two different definitions of ${schema.name}`);
      }
      return schema.name;
    }
    defined.set(schema.name, schema);
    if (schema.type === 'enum') return { ...schema };
    return {
      type: 'record',
      name: schema.name,
      ...(schema.doc === undefined ? {} : { doc: schema.doc }),
      // Doc before type, so a field's meaning comes before a long nested definition.
      fields: schema.fields.map(({ name, doc, type, ...rest }) => ({
        name,
        ...(doc === undefined ? {} : { doc }),
        type: visit(type),
        ...rest,
      })),
    };
  };

  const bundled = visit(root) as object;
  // Parse it as the schema archive will: a fresh registry, so nothing outside this file can satisfy a reference.
  Type.forSchema(bundled as Parameters<typeof Type.forSchema>[0], { registry: {} });
  return bundled;
}

/** The published text of a bundled schema (see compact-json.ts). */
export function publishedText(bundled: object): string {
  return compactJson(bundled);
}
