import type { SqlExecutor } from '@ecris/messaging';
import { normaliseIdentifier, searchKeys } from './matching/search-keys';
import {
  CONVICTION_COLUMNS,
  convictionFromRow,
  isoInstant,
  OFFENCE_COLUMNS,
  offenceFromRow,
  PERSON_COLUMNS,
  personFromRow,
  SANCTION_COLUMNS,
  sanctionFromRow,
  versionFromRow,
  type ConvictionRow,
  type OffenceRow,
  type PersonRow,
  type SanctionRow,
  type VersionRow,
} from './sql/rows';
import type { ConvictionVersion, PersonQuery, PersonRecord, RegisterConviction, RegisterOffence, RegisterSanction } from './types';

export interface RegisterReaderOptions {
  /**
   * At most this many candidates per search (default 1000). The birth date keeps real queries far
   * below it (a year-only query on the commonest surname is the worst case); a result of exactly this
   * size may be incomplete (`isTruncated`), and a caller should then not trust a `one` from the
   * matcher (register-update sends such a case to review).
   */
  readonly maxCandidates?: number;
}

/**
 * Read access to the register (request-in, operators, register-update itself). Plain SQL through the
 * SqlExecutor port, so it runs on PostgreSQL and PGlite alike; pass a transaction to read inside one.
 */
export class RegisterReader {
  private readonly maxCandidates: number;

  constructor(
    private readonly db: SqlExecutor,
    options: RegisterReaderOptions = {},
  ) {
    this.maxCandidates = options.maxCandidates ?? 1000;
  }

  /** True when a `findCandidates` result may have left candidates out (it reached `maxCandidates`). */
  isTruncated(candidates: readonly PersonRecord[]): boolean {
    return candidates.length >= this.maxCandidates;
  }

  /**
   * Persons that could be the one queried: a surname word in common (after normalisation,
   * transliteration and loose folding) and a compatible birth date (same year; month and day equal
   * where both sides know them), or an equal identifier whatever the name and date. Score them with
   * `matchPerson`, which would score a conflicting birth date far below review anyway.
   */
  async findCandidates(query: PersonQuery): Promise<PersonRecord[]> {
    return (await this.findCandidatesOfEach([query]))[0] ?? [];
  }

  /** `findCandidates` for each query, in the same order: one statement for them all. */
  async findCandidatesOfEach(queries: readonly PersonQuery[]): Promise<PersonRecord[][]> {
    if (queries.length === 0) return [];
    const searches = queries.map((query) => ({
      keys: searchKeys(query),
      year: query.birthDate.year,
      month: query.birthDate.month,
      day: query.birthDate.day,
      identifiers: (query.identifiers ?? []).map((id) => ({ kind: id.kind, country: id.country ?? '', value: normaliseIdentifier(id.value) })),
    }));
    const { rows } = await this.db.query<PersonRow & { search: number }>(
      `SELECT q.ordinality::integer AS search, ${PERSON_COLUMNS}
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS q(search, ordinality)
         CROSS JOIN LATERAL (
           SELECT k.person_id FROM register.person_name_keys k
            WHERE k.name_key = ANY (ARRAY(SELECT jsonb_array_elements_text(q.search -> 'keys')))
              AND k.birth_year = (q.search ->> 'year')::integer
              AND (q.search ->> 'month' IS NULL OR k.birth_month IS NULL OR k.birth_month = (q.search ->> 'month')::integer)
              AND (q.search ->> 'day' IS NULL OR k.birth_day IS NULL OR k.birth_day = (q.search ->> 'day')::integer)
           UNION
           SELECT i.person_id FROM register.person_identifiers i
             JOIN jsonb_to_recordset(q.search -> 'identifiers') AS x(kind text, country text, value text)
               ON i.kind = x.kind AND i.country = x.country AND i.value = x.value
           ORDER BY person_id
           LIMIT $2
         ) AS candidate
         JOIN register.persons p ON p.person_id = candidate.person_id
        ORDER BY q.ordinality, p.person_id`,
      [JSON.stringify(searches), this.maxCandidates],
    );
    const found: PersonRecord[][] = queries.map(() => []);
    for (const row of rows) found[row.search - 1]!.push(personFromRow(row));
    return found;
  }

  async person(personId: string): Promise<PersonRecord | undefined> {
    const { rows } = await this.db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM register.persons p WHERE p.person_id = $1`, [
      personId,
    ]);
    return rows[0] ? personFromRow(rows[0]) : undefined;
  }

  /**
   * Every conviction of the person in its current version, UK and foreign, deleted ones included
   * with `deleted: true` (callers filter them out, and can show that they did). Oldest first.
   */
  async convictionsOf(personId: string): Promise<RegisterConviction[]> {
    const current = `JOIN register.convictions c ON c.conviction_id = x.conviction_id AND x.version = c.current_version
                     WHERE c.person_id = $1`;
    const [convictions, offences, sanctions] = await Promise.all([
      this.db.query<ConvictionRow>(
        `SELECT ${CONVICTION_COLUMNS} FROM register.convictions c
           JOIN register.conviction_versions v ON v.conviction_id = c.conviction_id AND v.version = c.current_version
          WHERE c.person_id = $1
          ORDER BY v.conviction_date, c.conviction_id`,
        [personId],
      ),
      this.db.query<OffenceRow>(`SELECT ${OFFENCE_COLUMNS} FROM register.offences o ${current.replace(/x\./g, 'o.')} ORDER BY o.position`, [
        personId,
      ]),
      this.db.query<SanctionRow>(
        `SELECT ${SANCTION_COLUMNS} FROM register.sanctions s ${current.replace(/x\./g, 's.')} ORDER BY s.position`,
        [personId],
      ),
    ]);
    const offencesOf = groupBy(offences.rows.map((row) => [row.conviction_id, offenceFromRow(row)] as const));
    const sanctionsOf = groupBy(sanctions.rows.map((row) => [row.conviction_id, sanctionFromRow(row)] as const));
    return convictions.rows.map((row) =>
      convictionFromRow(
        row,
        (offencesOf.get(row.conviction_id) ?? []) as RegisterOffence[],
        (sanctionsOf.get(row.conviction_id) ?? []) as RegisterSanction[],
      ),
    );
  }

  /** The conviction's whole history, first version first: what was received and applied, when and why. */
  async historyOf(convictionId: string): Promise<ConvictionVersion[]> {
    const { rows } = await this.db.query<VersionRow>(
      `SELECT conviction_id, version, change, source_message_id, source_event_id,
              ${isoInstant('applied_at')} AS applied_at, content
         FROM register.conviction_versions WHERE conviction_id = $1 ORDER BY version`,
      [convictionId],
    );
    return rows.map(versionFromRow);
  }
}

function groupBy<T>(pairs: readonly (readonly [string, T])[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
