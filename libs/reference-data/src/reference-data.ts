/**
 * An immutable snapshot of every loaded reference table: the newest version of each answers
 * look-ups, by code and date. Pure: tables come in as data (see file-loader.ts for the files).
 */
import { inForce, tableProblems, type ReferenceEntry, type ReferenceTable } from './table';

export class ReferenceData {
  private readonly newest = new Map<string, ReferenceTable>();
  private readonly all = new Map<string, ReferenceTable[]>();

  private constructor(tables: readonly ReferenceTable[]) {
    for (const table of tables) {
      const versions = [...(this.all.get(table.table) ?? []), table].sort((a, b) => a.version - b.version);
      if (new Set(versions.map((t) => t.version)).size !== versions.length) {
        throw new Error(`reference data: ${table.table} v${table.version} is given twice`);
      }
      this.all.set(table.table, versions);
      this.newest.set(table.table, versions[versions.length - 1]);
    }
  }

  /** Checks every table and builds the snapshot; throws with every problem found. */
  static fromTables(tables: readonly ReferenceTable[]): ReferenceData {
    const problems = tables.flatMap((table) => tableProblems(table).map((p) => `${table.table ?? '?'} v${table.version ?? '?'}: ${p}`));
    if (problems.length > 0) throw new Error(`reference data refused:\n  ${problems.join('\n  ')}`);
    return new ReferenceData(tables);
  }

  tableNames(): string[] {
    return [...this.newest.keys()].sort();
  }

  /** The version look-ups use. Throws for a table that was never loaded: asking for one is a bug. */
  table(name: string): ReferenceTable {
    const table = this.newest.get(name);
    if (!table) throw new Error(`reference data: no table named ${name} is loaded`);
    return table;
  }

  versions(name: string): number[] {
    return (this.all.get(name) ?? []).map((table) => table.version);
  }

  /**
   * The entry in force on `onDate` (YYYY-MM-DD; pass the message's date, not today, to read an old
   * message with its own codes), by code or technical id. Undefined when the code is unknown on that
   * day: in a partial table that only means we lack the row (see isComplete).
   */
  lookup(name: string, code: string, onDate: string): ReferenceEntry | undefined {
    return this.table(name).entries.find((entry) => (entry.code === code || entry.technicalId === code) && inForce(entry, onDate));
  }

  /** True when the table holds every official row, so an unknown code there is a real error. */
  isComplete(name: string): boolean {
    return this.table(name).completeness === 'complete';
  }

  /** Every entry in force on a day. */
  entriesOn(name: string, onDate: string): ReferenceEntry[] {
    return this.table(name).entries.filter((entry) => inForce(entry, onDate));
  }
}
