/**
 * Reads reference tables from folders of `<table>.v<N>.json` files, and reloads them at run time:
 * an operator drops a new version into the folder and triggers a reload (recorded on ops.actions.v1
 * as REFERENCE_DATA_LOADED); no redeploy. The bundled tables are in ../data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReferenceData } from './reference-data';
import type { ReferenceTable } from './table';

export const BUNDLED_REFERENCE_DATA_DIR = join(__dirname, '..', 'data');

/** The bundled tables, then ECRIS_REFERENCE_DATA_DIR when set: where operators put newer versions. */
export function referenceDataDirs(env: Readonly<Record<string, string | undefined>>): string[] {
  const extra = env.ECRIS_REFERENCE_DATA_DIR?.trim();
  return extra ? [BUNDLED_REFERENCE_DATA_DIR, extra] : [BUNDLED_REFERENCE_DATA_DIR];
}

const TABLE_FILE = /^(?<table>[a-z][a-z-]*)\.v(?<version>[1-9][0-9]*)\.json$/;

/** Loads every table version in the folders; a later folder may add newer versions of a table. */
export function loadReferenceData(dirs: readonly string[] = [BUNDLED_REFERENCE_DATA_DIR]): ReferenceData {
  const tables: ReferenceTable[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.json')) continue;
      const match = TABLE_FILE.exec(file);
      if (!match?.groups) throw new Error(`reference data: ${join(dir, file)} is not named <table>.v<N>.json`);
      let table: ReferenceTable;
      try {
        table = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReferenceTable;
      } catch (cause) {
        throw new Error(`reference data: ${join(dir, file)} is not valid JSON`, { cause });
      }
      if (table.table !== match.groups.table || table.version !== Number(match.groups.version)) {
        throw new Error(`reference data: ${join(dir, file)} holds ${table.table} v${table.version}, not what its name says`);
      }
      tables.push(table);
    }
  }
  return ReferenceData.fromTables(tables);
}

export interface ReloadResult {
  readonly reloaded: boolean;
  /** Newest version of each table now in use. */
  readonly versions: Readonly<Record<string, number>>;
  /** Why the new files were refused; the previous snapshot stays in use. */
  readonly error?: string;
}

/**
 * Holds the snapshot in use and swaps it whole on reload. A reload that fails (a bad file, a
 * half-copied version) keeps the previous snapshot: look-ups never see a mix of two versions.
 */
export class ReloadableReferenceData {
  private snapshot: ReferenceData;

  constructor(private readonly dirs: readonly string[] = [BUNDLED_REFERENCE_DATA_DIR]) {
    this.snapshot = loadReferenceData(dirs);
  }

  get current(): ReferenceData {
    return this.snapshot;
  }

  reload(): ReloadResult {
    try {
      this.snapshot = loadReferenceData(this.dirs);
      return { reloaded: true, versions: versionsOf(this.snapshot) };
    } catch (error) {
      return { reloaded: false, versions: versionsOf(this.snapshot), error: (error as Error).message };
    }
  }
}

function versionsOf(data: ReferenceData): Record<string, number> {
  return Object.fromEntries(data.tableNames().map((name) => [name, data.table(name).version]));
}
