/**
 * Run as a child process by poison-bytes.spec.ts, with a small heap: decodes a 300-byte
 * FunctionalError whose remarks array claims `argv[2]` items, and prints how the codec reacted.
 * In a child, so that an out-of-memory crash fails the test instead of killing the test runner.
 */
import { readFileSync } from 'node:fs';
import { Type } from 'avsc';
import { AvroCodec, SchemaArchive, SINGLE_OBJECT_MARKER } from '@ecris/messaging';
import { SchemaNames } from '@ecris/contracts';
import { fixtureFileOf } from '../compatibility';
import { SCHEMAS_DIR } from '../paths';

const claimed = Number(process.argv[2]);
const archive = SchemaArchive.load([SCHEMAS_DIR]);
const writer = archive.latest(SchemaNames.functionalError)!;
const schema = JSON.parse(readFileSync(writer.file, 'utf8')) as { fields: { name: string }[] };
const remarksAt = schema.fields.findIndex((field) => field.name === 'remarks');
// Encode the fields before `remarks` honestly, then claim a huge block count and stop.
const prefix = Type.forSchema({ ...schema, fields: schema.fields.slice(0, remarksAt) } as never, { registry: {} });
const fixture = JSON.parse(readFileSync(fixtureFileOf(writer), 'utf8')) as Record<string, unknown>;
const zigzag: number[] = [];
for (let n = claimed * 2; ; n = Math.floor(n / 128)) {
  if (n < 0x80) {
    zigzag.push(n);
    break;
  }
  zigzag.push((n & 0x7f) | 0x80);
}
const bytes = Buffer.concat([SINGLE_OBJECT_MARKER, writer.fingerprint, prefix.toBuffer(fixture), Buffer.from(zigzag)]);
try {
  new AvroCodec(archive).decode(bytes);
  console.log(JSON.stringify({ outcome: 'decoded', bytes: bytes.length }));
} catch (error) {
  const { name, code } = error as { name: string; code?: string };
  console.log(JSON.stringify({ outcome: 'threw', name, code, bytes: bytes.length }));
}
