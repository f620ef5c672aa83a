import { join } from 'node:path';
import { SchemaNames } from '@ecris/contracts';
import { SchemaArchive } from '@ecris/messaging';
import { checkSchemas } from './compatibility';
import { SCHEMAS_DIR, WORKSPACE_ROOT } from './paths';

const BROKEN = join(__dirname, '..', 'test-fixtures', 'broken');

describe('schema gate on the published tree', () => {
  const report = checkSchemas([SCHEMAS_DIR], WORKSPACE_ROOT);

  it('finds no problem', () => {
    expect(report.problems).toEqual([]);
  });

  it('decoded a golden fixture for every published version and resolved at least one real evolution', () => {
    const archive = SchemaArchive.load([SCHEMAS_DIR]);
    expect(report.fixtures).toBe(archive.all().length);
    expect(report.pairs).toBeGreaterThanOrEqual(1);
  });

  it('publishes every record named in SchemaNames (the embedded meta record excepted)', () => {
    const archive = SchemaArchive.load([SCHEMAS_DIR]);
    const missing = Object.values(SchemaNames).filter(
      (name) => name !== SchemaNames.eventMeta && archive.latest(name) === undefined,
    );
    expect(missing).toEqual([]);
    expect(archive.latest(SchemaNames.eventMeta)).toBeUndefined();
  });
});

describe('schema gate on deliberately broken schemas', () => {
  const { problems } = checkSchemas([BROKEN], WORKSPACE_ROOT);
  const reported = (fragment: string) => problems.some((problem) => problem.includes(fragment));

  it.each([
    ['a field added without a default (new cannot read old)', 'uk.ecris.test.Widget: v2 cannot read v1 (backward compatibility broken)'],
    ['an enum symbol added with no default (old cannot read new)', 'uk.ecris.test.Gadget: v1 cannot read v2 (forward compatibility broken)'],
    ['an enum without a default symbol', 'enum uk.ecris.test.GadgetKind has no default symbol'],
    ['a version without a golden fixture', 'uk.ecris.test.Gadget v2 (tools/schemas/test-fixtures/broken/uk/ecris/test/Gadget.v2.avsc): no golden fixture'],
    ['a fixture its own version refuses', 'uk.ecris.test.Widget v2 (tools/schemas/test-fixtures/broken/uk/ecris/test/Widget.v2.avsc): golden fixture does not encode and decode: value does not match uk.ecris.test.Widget: invalid at size'],
    ['an older fixture the newest reader cannot read', 'uk.ecris.test.Widget v1 (tools/schemas/test-fixtures/broken/uk/ecris/test/Widget.v1.avsc): golden fixture does not encode and decode'],
    ['a record without the meta field', 'uk.ecris.test.Gizmo v1 (tools/schemas/test-fixtures/broken/uk/ecris/test/Gizmo.v1.avsc): the first field must be meta'],
  ])('reports %s', (_case, fragment) => {
    expect(reported(fragment)).toBe(true);
  });

  it('reports nothing about the versions that are fine', () => {
    expect(problems.filter((problem) => problem.includes('Gadget v1') && problem.includes('golden fixture'))).toEqual([]);
  });
});
