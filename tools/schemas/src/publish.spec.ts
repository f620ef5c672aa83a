import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from './bundle';
import { enumeration, optional, record, required, string } from './dsl';
import { EventMeta } from './model/common';
import { publish } from './publish';
import { schemaFile } from './paths';

const Colour = enumeration('uk.ecris.test.Colour', 'A colour.', ['RED', 'OTHER'], 'OTHER');
const v1 = record('uk.ecris.test.Thing', 'A test record.', [
  required('meta', EventMeta, 'Meta.'),
  required('colour', Colour, 'Colour.'),
  required('trim', Colour, 'Trim colour: the same named type used twice.'),
]);
const v2 = record('uk.ecris.test.Thing', 'A test record.', [...v1.fields, optional('note', string, 'Added in v2.')]);

describe('bundle', () => {
  it('defines a named type once and references it afterwards', () => {
    const bundled = bundle(v1) as { fields: { name: string; type: unknown }[] };
    expect(bundled.fields[1].type).toMatchObject({ type: 'enum', name: 'uk.ecris.test.Colour' });
    expect(bundled.fields[2].type).toBe('uk.ecris.test.Colour');
  });

  it('refuses two different definitions under one name', () => {
    const other = enumeration('uk.ecris.test.Colour', 'A colour.', ['BLUE', 'OTHER'], 'OTHER');
    const clash = record('uk.ecris.test.Thing', 'x', [required('a', Colour, 'a'), required('b', other, 'b')]);
    expect(() => bundle(clash)).toThrow('two different definitions of uk.ecris.test.Colour');
  });
});

describe('publish', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'schemas-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a new version, leaves an identical one alone, and refuses to change a published one', () => {
    expect(publish([{ schema: v1, version: 1 }], root).written).toEqual(['uk.ecris.test.Thing v1']);
    const published = readFileSync(schemaFile(root, 'uk.ecris.test.Thing', 1), 'utf8');

    expect(publish([{ schema: v1, version: 1 }], root).unchanged).toEqual(['uk.ecris.test.Thing v1']);

    const changed = publish([{ schema: v2, version: 1 }], root);
    expect(changed.written).toEqual([]);
    expect(changed.problems).toEqual([
      'uk.ecris.test.Thing v1 is published and its source now differs: published versions never change; bump the version in tools/schemas/src/catalogue.ts',
    ]);
    expect(readFileSync(schemaFile(root, 'uk.ecris.test.Thing', 1), 'utf8')).toBe(published);

    expect(publish([{ schema: v2, version: 2 }], root).written).toEqual(['uk.ecris.test.Thing v2']);
  });

  it('refuses to skip a version', () => {
    expect(publish([{ schema: v1, version: 3 }], root).problems).toEqual([
      'uk.ecris.test.Thing v3: v2 is not published; versions go up one at a time',
    ]);
  });
});
