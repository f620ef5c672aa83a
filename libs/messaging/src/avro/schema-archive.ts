import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Type } from 'avsc';
import { parsingCanonicalForm } from './canonical-form';
import { crc64Avro } from './crc64';

/** One published version of one record schema. */
export interface ArchivedSchema {
  readonly fullName: string;
  readonly version: number;
  /** Where it came from (a file path, or a label for schemas given in memory). */
  readonly file: string;
  readonly type: Type;
  readonly canonicalForm: string;
  readonly fingerprint: Buffer;
  readonly fingerprintHex: string;
}

export interface SchemaSource {
  readonly schema: object;
  readonly version: number;
  readonly file: string;
}

const VERSIONED_FILE = /^(?<name>[A-Za-z_][A-Za-z0-9_]*)\.v(?<version>[1-9][0-9]*)\.avsc$/;

/**
 * Every published schema version, found by fingerprint (to read a record) or by name (to write one).
 * Files are `<RecordName>.v<N>.avsc`, each a self-contained record schema (schemas/README.md), so a
 * published version never changes meaning when another file changes.
 */
export class SchemaArchive {
  private readonly byFp = new Map<string, ArchivedSchema>();
  private readonly byName = new Map<string, ArchivedSchema[]>();

  private constructor(schemas: readonly ArchivedSchema[]) {
    for (const schema of schemas) this.add(schema);
    for (const versions of this.byName.values()) versions.sort((a, b) => a.version - b.version);
  }

  /** Loads every `*.avsc` below the given folders (recursively; `fixtures` folders hold no schemas). */
  static load(dirs: readonly string[]): SchemaArchive {
    const sources: SchemaSource[] = [];
    for (const dir of dirs) {
      for (const file of listSchemaFiles(dir)) {
        const match = VERSIONED_FILE.exec(basename(file));
        if (!match?.groups) {
          throw new Error(`schema archive: ${file} is not named <RecordName>.v<N>.avsc`);
        }
        const schema = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
        const recordName = String(schema.name ?? '').split('.').pop();
        if (recordName !== match.groups.name) {
          throw new Error(`schema archive: ${file} declares record ${String(schema.name)}, not ${match.groups.name}`);
        }
        sources.push({ schema, version: Number(match.groups.version), file });
      }
    }
    return SchemaArchive.fromSources(sources);
  }

  static fromSources(sources: readonly SchemaSource[]): SchemaArchive {
    return new SchemaArchive(sources.map(archive));
  }

  byFingerprint(fingerprint: Buffer): ArchivedSchema | undefined {
    return this.byFp.get(fingerprint.toString('hex'));
  }

  /** The newest version of a name: what this code writes, and what it resolves older writers to. */
  latest(fullName: string): ArchivedSchema | undefined {
    const versions = this.byName.get(fullName);
    return versions?.[versions.length - 1];
  }

  version(fullName: string, version: number): ArchivedSchema | undefined {
    return this.byName.get(fullName)?.find((schema) => schema.version === version);
  }

  versions(fullName: string): readonly ArchivedSchema[] {
    return this.byName.get(fullName) ?? [];
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  all(): ArchivedSchema[] {
    return this.names().flatMap((name) => this.versions(name));
  }

  private add(schema: ArchivedSchema): void {
    const clash = this.byFp.get(schema.fingerprintHex);
    if (clash) {
      throw new Error(
        `schema archive: ${schema.file} has the same canonical form as ${clash.file}; a new version must change the schema`,
      );
    }
    const versions = this.byName.get(schema.fullName) ?? [];
    if (versions.some((existing) => existing.version === schema.version)) {
      throw new Error(`schema archive: ${schema.fullName} v${schema.version} is defined twice (${schema.file})`);
    }
    versions.push(schema);
    this.byName.set(schema.fullName, versions);
    this.byFp.set(schema.fingerprintHex, schema);
  }
}

function archive(source: SchemaSource): ArchivedSchema {
  // A fresh registry per file: a self-contained schema must not borrow a type another file defined.
  const type = Type.forSchema(source.schema as Parameters<typeof Type.forSchema>[0], { registry: {} });
  if (type.typeName !== 'record' || !type.name) {
    throw new Error(`schema archive: ${source.file} is not a named record schema`);
  }
  const canonicalForm = parsingCanonicalForm(type);
  const fingerprint = crc64Avro(Buffer.from(canonicalForm, 'utf8'));
  return {
    fullName: type.name,
    version: source.version,
    file: source.file,
    type,
    canonicalForm,
    fingerprint,
    fingerprintHex: fingerprint.toString('hex'),
  };
}

function listSchemaFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'fixtures' && entry !== 'node_modules') found.push(...listSchemaFiles(path));
    } else if (entry.endsWith('.avsc')) {
      found.push(path);
    }
  }
  return found;
}
