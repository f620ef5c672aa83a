import type { Resolver } from 'avsc';
import { PoisonError } from '../errors';
import type { ArchivedSchema, SchemaArchive } from './schema-archive';
import { assertFitsInBuffer } from './bounds-check';
import { HEADER_LENGTH, unframeSingleObject, writeSingleObjectHeader } from './single-object';

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
  /**
   * Where values are written before they are copied out at their exact size. avsc's own toBuffer writes
   * into a shared 1 KiB buffer and, when a value does not fit (most ECRIS messages do not), writes it all
   * a second time; this one grows to the largest value seen, so each value is written once. (Values are
   * bounded by the broker's message size, a few MiB at most, so keeping the largest costs little.)
   */
  private scratch = Buffer.allocUnsafe(16 * 1024);

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
    const end = this.writeFramed(writer, value);
    const framed = Buffer.allocUnsafe(end);
    this.scratch.copy(framed, 0, 0, end);
    return framed;
  }

  /** Writes the single-object header and the body into `scratch`; returns where they end. */
  private writeFramed(writer: ArchivedSchema, value: unknown): number {
    for (;;) {
      const end = writer.type.encode(value, this.scratch, HEADER_LENGTH);
      if (end >= 0) {
        writeSingleObjectHeader(this.scratch, writer.fingerprint);
        return end;
      }
      // avsc says how many bytes were missing (as a negative number): grow, at least doubling, and write again.
      this.scratch = Buffer.allocUnsafe(Math.max(this.scratch.length * 2, this.scratch.length - end));
    }
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
