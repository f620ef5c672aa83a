/**
 * Multi-row statements: many rows in one INSERT cost one round trip and one plan instead of one each,
 * which is most of what a batch of records saves (bench/README.md).
 */

/** Rows per statement for the usual tables: with up to ~20 columns, far under the 65,535 parameters a statement may bind. */
export const ROWS_PER_STATEMENT = 500;

export function* chunksOf<T>(items: readonly T[], size: number = ROWS_PER_STATEMENT): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * `($1, $2::jsonb), ($3, $4::jsonb)`: the VALUES tuples of `rows` rows, one placeholder per column with
 * that column's cast (`''` for none). `shared` parameters (`$1`..`$shared`) lead every tuple, for values
 * all rows have in common; the rows' own are numbered after them.
 *
 * Remembered: a batch's statements ask for the same few shapes again and again, and a list of hundreds
 * of tuples is tens of kilobytes to build each time. Shapes are bounded (rows per statement are).
 */
export function valuesList(rows: number, casts: readonly string[], shared = 0): string {
  const shapeKey = `${shared}|${casts.join(',')}`;
  let byRows = builtLists.get(shapeKey);
  if (byRows === undefined) {
    if (builtLists.size >= 64) builtLists.clear();
    byRows = new Map();
    builtLists.set(shapeKey, byRows);
  }
  let list = byRows.get(rows);
  if (list === undefined) {
    list = buildValuesList(rows, casts, shared);
    if (byRows.size >= 1024) byRows.clear();
    byRows.set(rows, list);
  }
  return list;
}

const builtLists = new Map<string, Map<number, string>>();

function buildValuesList(rows: number, casts: readonly string[], shared: number): string {
  const leading = Array.from({ length: shared }, (_, index) => `$${index + 1}`);
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const at = shared + row * casts.length + 1;
    tuples.push(`(${[...leading, ...casts.map((cast, column) => `$${at + column}${cast}`)].join(', ')})`);
  }
  return tuples.join(', ');
}
