/**
 * The schema gate (schemas/README.md, "Evolution rules"):
 * - every version of a name is FULL_TRANSITIVE compatible with every other: the newer reads the older
 *   (backward) and the older reads the newer (forward), proven with avsc resolvers both ways;
 * - every enum has a default symbol, so a symbol added later resolves instead of failing;
 * - every record starts with the `meta` field, exactly uk.ecris.meta.EventMeta;
 * - every version has a golden fixture that encodes with that version (through the codec the services
 *   use) and decodes, resolved, with the newest reader.
 * Problems are collected, never thrown, so one run lists them all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Type } from 'avsc';
import { AvroCodec, SchemaArchive, type ArchivedSchema } from '@ecris/messaging';

export interface CheckReport {
  readonly problems: string[];
  readonly schemas: number;
  readonly pairs: number;
  readonly fixtures: number;
}

/** The `meta` record every value embeds, field by field (libs/messaging/src/cloudevents/event-meta.ts). */
const EVENT_META_FIELDS = [
  { name: 'id', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'time', type: 'string' },
  { name: 'subject', type: ['null', 'string'], default: null },
  { name: 'correlationId', type: 'string' },
  { name: 'causationId', type: ['null', 'string'], default: null },
  { name: 'traceparent', type: ['null', 'string'], default: null },
];

export function fixtureFileOf(schema: ArchivedSchema): string {
  return join(dirname(schema.file), 'fixtures', basename(schema.file).replace(/\.avsc$/, '.json'));
}

export function checkSchemas(dirs: readonly string[], root = process.cwd()): CheckReport {
  const problems: string[] = [];
  let archive: SchemaArchive;
  try {
    archive = SchemaArchive.load(dirs);
  } catch (error) {
    return { problems: [(error as Error).message], schemas: 0, pairs: 0, fixtures: 0 };
  }
  const codec = new AvroCodec(archive);
  const where = (schema: ArchivedSchema) => relative(root, schema.file);
  let pairs = 0;
  let fixtures = 0;

  for (const schema of archive.all()) {
    const label = `${schema.fullName} v${schema.version} (${where(schema)})`;
    problems.push(...structureProblems(schema, label));
    if (checkFixture(codec, archive, schema, label, problems)) fixtures += 1;
  }

  for (const name of archive.names()) {
    const versions = archive.versions(name);
    versions.forEach((older, i) => {
      for (const newer of versions.slice(i + 1)) {
        pairs += 1;
        const both = [
          { reader: newer, writer: older, rule: 'backward' },
          { reader: older, writer: newer, rule: 'forward' },
        ];
        for (const { reader, writer, rule } of both) {
          try {
            reader.type.createResolver(writer.type);
          } catch (error) {
            problems.push(`${name}: v${reader.version} cannot read v${writer.version} (${rule} compatibility broken): ${(error as Error).message}`);
          }
        }
      }
    });
  }
  return { problems, schemas: archive.all().length, pairs, fixtures };
}

function structureProblems(schema: ArchivedSchema, label: string): string[] {
  const problems: string[] = [];
  const parsed = JSON.parse(readFileSync(schema.file, 'utf8')) as { name: string; fields?: { name: string; type: unknown }[] };
  const folders = schema.fullName.split('.').slice(0, -1);
  if (!dirname(schema.file).split(/[\\/]/).join('/').endsWith(folders.join('/'))) {
    problems.push(`${label}: must live in a folder path matching its namespace (${folders.join('/')})`);
  }
  const first = parsed.fields?.[0];
  const meta = first?.type as { name?: string; fields?: unknown[] } | undefined;
  const metaFields = meta?.fields?.map((field) => {
    const { doc: _doc, ...rest } = field as Record<string, unknown>;
    return rest;
  });
  if (first?.name !== 'meta' || meta?.name !== 'uk.ecris.meta.EventMeta' || !isDeepStrictEqual(metaFields, EVENT_META_FIELDS)) {
    problems.push(`${label}: the first field must be meta, of type uk.ecris.meta.EventMeta with exactly the fields ${EVENT_META_FIELDS.map((f) => f.name).join(', ')}`);
  }
  for (const enumType of enumsOf(schema.type)) {
    if ((enumType as unknown as { default?: string }).default === undefined) {
      problems.push(`${label}: enum ${enumType.name ?? '(anonymous)'} has no default symbol`);
    }
  }
  return problems;
}

function enumsOf(root: Type): Type[] {
  const seen = new Set<Type>();
  const found: Type[] = [];
  const visit = (type: Type): void => {
    if (seen.has(type)) return;
    seen.add(type);
    const t = type as unknown as { typeName: string; fields?: { type: Type }[]; itemsType?: Type; valuesType?: Type; types?: Type[] };
    if (t.typeName === 'enum') found.push(type);
    t.fields?.forEach((field) => visit(field.type));
    if (t.itemsType) visit(t.itemsType);
    if (t.valuesType) visit(t.valuesType);
    t.types?.forEach(visit);
  };
  visit(root);
  return found;
}

/** Encodes the version's fixture with that version and decodes it as a reader of the newest would. */
function checkFixture(codec: AvroCodec, archive: SchemaArchive, schema: ArchivedSchema, label: string, problems: string[]): boolean {
  const file = fixtureFileOf(schema);
  if (!existsSync(file)) {
    problems.push(`${label}: no golden fixture at ${basename(dirname(file))}/${basename(file)}`);
    return false;
  }
  try {
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const bytes = codec.encode(schema.fullName, fixture, schema.version);
    const decoded = codec.decode(bytes);
    const newest = archive.latest(schema.fullName)!;
    if (decoded.writer !== schema || decoded.reader !== newest) {
      problems.push(`${label}: fixture decoded as v${decoded.writer.version} -> v${decoded.reader.version}, expected v${schema.version} -> v${newest.version}`);
      return false;
    }
    if (schema === newest && !newest.type.toBuffer(decoded.value).equals(newest.type.toBuffer(fixture))) {
      problems.push(`${label}: fixture does not survive an encode/decode round trip`);
      return false;
    }
    return true;
  } catch (error) {
    problems.push(`${label}: golden fixture does not encode and decode: ${(error as Error).message}`);
    return false;
  }
}
