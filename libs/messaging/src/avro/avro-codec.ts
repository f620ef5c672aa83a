import type { Resolver } from 'avsc';
import { PoisonError } from '../errors';
import type { ArchivedSchema, SchemaArchive } from './schema-archive';
import { assertFitsInBuffer } from './bounds-check';
import { frameSingleObject, unframeSingleObject } from './single-object';

export interface DecodedValue<T = unknown> {
  /** The version the record was written with. */
  readonly writer: ArchivedSchema;
  /** The version it was resolved to: the newest this code knows for that name. */
  readonly reader: ArchivedSchema;
  readonly value: T;
}

/** Our code produced a value its own schema refuses: a bug, never retried. */
export class SchemaViolationError extends TypeError {
  constructor(
    readonly fullName: string,
    readonly paths: readonly string[],
  ) {
    // Field paths only: the offending values may be personal data.
    super(`value does not match ${fullName}: invalid at ${paths.join(', ') || '(root)'}`);
    this.name = 'SchemaViolationError';
  }
}

/**
 * Encodes with a named schema version and decodes any archived writer version, resolving it to the
 * newest version of the same name (avsc resolvers, cached per writer/reader pair).
 */
export class AvroCodec {
  private readonly resolvers = new Map<string, Resolver>();

  constructor(readonly archive: SchemaArchive) {}

  encode(fullName: string, value: unknown, version?: number): Buffer {
    const writer = version === undefined ? this.archive.latest(fullName) : this.archive.version(fullName, version);
    if (!writer) {
      throw new TypeError(`no archived schema ${fullName}${version === undefined ? '' : ` v${version}`}`);
    }
    // avsc writes without checking, so check first; the paths are collected only for a value that fails
    // (an error hook makes every check track its path, a cost paid on every record otherwise).
    if (!writer.type.isValid(value)) {
      const paths: string[] = [];
      writer.type.isValid(value, { errorHook: (path) => paths.push(path.join('.')) });
      throw new SchemaViolationError(fullName, paths);
    }
    return frameSingleObject(writer.fingerprint, writer.type.toBuffer(value));
  }

  decode<T = unknown>(bytes: Buffer | null): DecodedValue<T> {
    const { fingerprint, body } = unframeSingleObject(bytes);
    const writer = this.archive.byFingerprint(fingerprint);
    if (!writer) {
      throw new PoisonError(
        'schema',
        'UNKNOWN_FINGERPRINT',
        `writer schema fingerprint ${fingerprint.toString('hex')} is not in the schema archive`,
      );
    }
    const reader = this.archive.latest(writer.fullName) ?? writer;
    const resolver = reader === writer ? undefined : this.resolverFor(reader, writer);
    // Lengths and counts are checked against the bytes first: avsc would trust a hostile block count.
    assertFitsInBuffer(writer.type, body);
    try {
      const value = resolver ? reader.type.fromBuffer(body, resolver) : writer.type.fromBuffer(body);
      return { writer, reader, value: value as T };
    } catch (cause) {
      // Truncated, trailing or nonsensical bytes: the record can never be read as it is.
      throw new PoisonError(
        'deserialization',
        'UNDECODABLE_BODY',
        `body does not decode as ${writer.fullName} v${writer.version}`,
        { cause },
      );
    }
  }

  private resolverFor(reader: ArchivedSchema, writer: ArchivedSchema): Resolver {
    const key = `${reader.fingerprintHex}<${writer.fingerprintHex}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      try {
        resolver = reader.type.createResolver(writer.type);
      } catch (cause) {
        throw new PoisonError(
          'schema',
          'INCOMPATIBLE_WRITER',
          `${writer.fullName} v${writer.version} cannot be resolved to v${reader.version}`,
          { cause },
        );
      }
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }
}
