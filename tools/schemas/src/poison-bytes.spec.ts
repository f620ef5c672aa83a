/**
 * Bytes off the wire can be anything. Whatever they are, AvroCodec.decode must throw the messaging
 * lib's PoisonError (dead-letter at once), never crash the process or throw anything else.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AvroCodec, PoisonError, SchemaArchive, SINGLE_OBJECT_MARKER } from '@ecris/messaging';
import { fixtureFileOf } from './compatibility';
import { SCHEMAS_DIR, WORKSPACE_ROOT } from './paths';

const archive = SchemaArchive.load([SCHEMAS_DIR]);
const codec = new AvroCodec(archive);

/** A fixed-seed generator: the same "random" bytes on every run, so a failure can be replayed. */
function bytesFrom(seed: number): (length: number) => Buffer {
  let state = seed;
  return (length) => {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      out[i] = state >>> 24;
    }
    return out;
  };
}

function thrownBy(bytes: Buffer): unknown {
  try {
    codec.decode(bytes);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('AvroCodec.decode on bad bytes', () => {
  it('treats random bytes without the single-object header as poison', () => {
    const random = bytesFrom(7);
    for (let i = 0; i < 500; i++) {
      const error = thrownBy(random(i % 64));
      expect(error).toBeInstanceOf(PoisonError);
    }
  });

  it('treats random bodies behind every published fingerprint as poison', () => {
    const random = bytesFrom(11);
    for (const schema of archive.all()) {
      for (let i = 0; i < 200; i++) {
        const body = random(1 + ((i * 37) % 400));
        const error = thrownBy(Buffer.concat([SINGLE_OBJECT_MARKER, schema.fingerprint, body]));
        expect({ schema: schema.fullName, error: error instanceof PoisonError }).toEqual({ schema: schema.fullName, error: true });
      }
    }
  });

  it('treats every truncation of every golden fixture as poison', () => {
    let truncations = 0;
    for (const schema of archive.all()) {
      const whole = codec.encode(schema.fullName, JSON.parse(readFileSync(fixtureFileOf(schema), 'utf8')), schema.version);
      for (let length = 0; length < whole.length; length++) {
        const error = thrownBy(whole.subarray(0, length));
        expect({ schema: schema.fullName, length, poison: error instanceof PoisonError }).toEqual({
          schema: schema.fullName,
          length,
          poison: true,
        });
        truncations += 1;
      }
    }
    expect(truncations).toBeGreaterThan(1000);
  });

  // avsc alone allocates and loops over an array's claimed item count before noticing the buffer ran
  // out, so 300 bytes claiming 20 million items used to abort the process (out of memory). AvroCodec
  // now checks counts and lengths against the bytes left first (libs/messaging/src/avro/bounds-check.ts).
  // Run in a child process so that a regression fails this test instead of killing the test runner.
  it('treats a record whose array claims millions of items as poison, without running out of memory', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=256',
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'testing', 'decode-huge-array-count.ts'),
        String(20_000_000),
      ],
      { cwd: WORKSPACE_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const lastLine = child.stdout.trim().split('\n').pop() ?? '';
    expect({ status: child.status, signal: child.signal, result: lastLine.startsWith('{') ? JSON.parse(lastLine) : lastLine }).toEqual({
      status: 0,
      signal: null,
      result: expect.objectContaining({ outcome: 'threw', name: 'PoisonError' }),
    });
  }, 90_000);
});
