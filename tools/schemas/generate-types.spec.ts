import { readFileSync } from 'node:fs';
import { GENERATED_TYPES_FILE, renderTypes } from './generate-types';
import { generateTypes } from './src/typescript';

describe('generated TypeScript types', () => {
  it('are up to date with schemas/ (run npm run schemas:types when this fails)', () => {
    expect(readFileSync(GENERATED_TYPES_FILE, 'utf8')).toBe(renderTypes());
  });

  it('map Avro to TypeScript: records, enums, optional fields, arrays, maps', () => {
    const text = generateTypes([
      {
        fullName: 'x.Top',
        version: 1,
        file: 'Top.v1.avsc',
        schema: {
          type: 'record',
          name: 'x.Top',
          doc: 'Top.',
          fields: [
            { name: 'kind', type: { type: 'enum', name: 'x.Kind', symbols: ['A', 'B'], default: 'A' } },
            { name: 'maybe', type: ['null', 'string'], default: null },
            { name: 'kinds', type: { type: 'array', items: 'x.Kind' } },
            { name: 'tags', type: { type: 'map', values: 'long' } },
          ],
        },
      },
    ]);
    expect(text).toContain("export type Kind = 'A' | 'B';");
    expect(text).toContain('/** Top. */\nexport interface Top {\n  kind: Kind;\n  maybe: string | null;\n  kinds: Kind[];\n  tags: Record<string, number>;\n}');
    expect(text).toContain("'x.Top': Top;");
  });

  it('refuses a shared record that differs between two newest schemas', () => {
    const withPart = (fullName: string, symbols: string[]) => ({
      fullName,
      version: 1,
      file: `${fullName}.v1.avsc`,
      schema: {
        type: 'record',
        name: fullName,
        fields: [{ name: 'part', type: { type: 'enum', name: 'x.Part', symbols, default: symbols[0] } }],
      },
    });
    expect(() => generateTypes([withPart('x.One', ['A']), withPart('x.Two', ['A', 'B'])])).toThrow(
      'x.Part differs between x.One.v1.avsc and x.Two.v1.avsc',
    );
  });
});
