/**
 * Our .avsc files name types by full name (`"name": "uk.ecris.model.Person"`), which Avro allows;
 * the AsyncAPI 3.0 Avro meta-schema accepts only a simple name plus `namespace`. This rewrites every
 * named type definition that way. References stay full names, so the schema means exactly the same
 * (same parsing canonical form, same fingerprint: asyncapi.spec.ts checks it).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function withSimpleNames(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(withSimpleNames);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'name' && isNamedType(schema) && typeof value === 'string' && value.includes('.')) {
      const dot = value.lastIndexOf('.');
      out.name = value.slice(dot + 1);
      out.namespace = value.slice(0, dot);
    } else if (key === 'fields' && Array.isArray(value)) {
      out.fields = value.map((field) => {
        const { type, ...rest } = field as { [key: string]: Json };
        return { ...rest, type: withSimpleNames(type) };
      });
    } else if (key === 'type' || key === 'items' || key === 'values') {
      out[key] = withSimpleNames(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isNamedType(schema: { [key: string]: Json }): boolean {
  return schema.type === 'record' || schema.type === 'enum' || schema.type === 'fixed';
}
