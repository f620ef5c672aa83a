/**
 * Person search at register scale: seeds BENCH_PERSONS synthetic persons (default 1,000,000) into a
 * database of its own, then times BENCH_QUERIES candidate searches + matches (default 5,000), one at a
 * time as a request handler does them, and prints p50 / p95 / p99 and the candidates per search.
 *
 *   TS_NODE_PROJECT=tools/tsconfig.json node -r ts-node/register libs/register/bench/person-search.bench.ts
 *
 * BENCH_DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/ecris_register_bench (created
 * when missing). Seeding is skipped when the persons are already there.
 *
 * Surnames follow a steep power law (rank = 20000 * u^3): the commonest of 20,000 surnames is held by
 * about 3.7% of persons, more than Smith's ~1.2% in the UK, so the worst searches are worse than real.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { migrate, openDatabase } from '@ecris/messaging';
import { matchPerson, RegisterReader, registerMigrations, type PersonQuery } from '../src';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 5_000);
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ecris_register_bench';
const SURNAMES = 20_000;
const FORENAMES = 300;

/** Consonant-vowel syllables: names whose normalised, loosely folded key is just their lower case. */
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
function syllableName(n: number, syllables: number): string {
  let name = '';
  for (let i = 0; i < syllables; i += 1) {
    const s = n % (CONSONANTS.length * VOWELS.length);
    name += CONSONANTS[Math.floor(s / VOWELS.length)]! + VOWELS[s % VOWELS.length]!;
    n = Math.floor(n / (CONSONANTS.length * VOWELS.length));
  }
  return name[0]!.toUpperCase() + name.slice(1);
}

async function ensureDatabase(): Promise<void> {
  const target = new globalThis.URL(URL);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount === 0) await admin.query(`CREATE DATABASE ${name.replace(/[^a-z0-9_]/g, '')}`);
  await admin.end();
}

async function seed(db: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM register.persons WHERE person_id LIKE 'bench-%'`);
  if (Number(rows[0]?.n) >= PERSONS) return;
  console.log(`seeding ${PERSONS} persons...`);
  const started = performance.now();
  await db.query(`CREATE TEMP TABLE bench_surnames (rank integer PRIMARY KEY, surname text NOT NULL)`);
  await db.query(`CREATE TEMP TABLE bench_forenames (rank integer PRIMARY KEY, forename text NOT NULL)`);
  await db.query(`INSERT INTO bench_surnames SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(rank integer, surname text)`, [
    JSON.stringify(Array.from({ length: SURNAMES }, (_, rank) => ({ rank, surname: syllableName(rank, 3) }))),
  ]);
  await db.query(`INSERT INTO bench_forenames SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(rank integer, forename text)`, [
    JSON.stringify(Array.from({ length: FORENAMES }, (_, rank) => ({ rank, forename: syllableName(rank, 2) }))),
  ]);
  for (let from = 0; from < PERSONS; from += 100_000) {
    const to = Math.min(PERSONS, from + 100_000) - 1;
    await db.query(
      `INSERT INTO register.persons (person_id, forenames, surname, other_names, sex, birth_year, birth_month, birth_day,
         birth_country, birth_town, nationalities, created_at, updated_at)
       SELECT 'bench-' || g.i, jsonb_build_array(f.forename), s.surname, '[]'::jsonb, 'MALE', g.year, g.month, g.day,
              'GB', 'Leeds', '["GB"]'::jsonb, now(), now()
         FROM (SELECT i,
                      floor(${SURNAMES} * power(random(), 3))::int AS surname_rank,
                      floor(${FORENAMES} * random())::int AS forename_rank,
                      1940 + (random() * 67)::int AS year,
                      1 + (random() * 11)::int AS month,
                      CASE WHEN random() < 0.05 THEN NULL ELSE 1 + (random() * 27)::int END AS day
                 FROM generate_series(${from}, ${to}) AS i) AS g
         JOIN bench_surnames s ON s.rank = g.surname_rank
         JOIN bench_forenames f ON f.rank = g.forename_rank`,
    );
  }
  await db.query(
    `INSERT INTO register.person_name_keys (name_key, birth_year, birth_month, birth_day, person_id)
     SELECT lower(surname), birth_year, birth_month, birth_day, person_id FROM register.persons WHERE person_id LIKE 'bench-%'
     ON CONFLICT DO NOTHING`,
  );
  await db.query('ANALYZE register.persons; ANALYZE register.person_name_keys');
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  await ensureDatabase();
  const db = await openDatabase(URL);
  try {
    await migrate(db, await registerMigrations());
    await seed(db);
    const reader = new RegisterReader(db);
    const timings: number[] = [];
    let candidates = 0;
    let truncated = 0;
    const outcomes: Record<string, number> = {};
    for (let q = 0; q < QUERIES; q += 1) {
      const id = `bench-${Math.floor(Math.random() * PERSONS)}`;
      const person = await reader.person(id);
      if (!person) continue;
      // One query in five gives only the birth year, as partial ECRIS dates do.
      const yearOnly = q % 5 === 0;
      const query: PersonQuery = {
        forenames: person.forenames,
        surname: person.surname,
        birthDate: yearOnly ? { year: person.birthDate.year, month: null, day: null } : person.birthDate,
        birthPlace: person.birthPlace,
      };
      const started = performance.now();
      const found = await reader.findCandidates(query);
      const result = matchPerson(query, found);
      timings.push(performance.now() - started);
      candidates += found.length;
      if (reader.isTruncated(found)) truncated += 1;
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    }
    timings.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        persons: PERSONS,
        queries: timings.length,
        p50ms: +percentile(timings, 50).toFixed(2),
        p95ms: +percentile(timings, 95).toFixed(2),
        p99ms: +percentile(timings, 99).toFixed(2),
        maxMs: +timings[timings.length - 1]!.toFixed(2),
        meanCandidates: +(candidates / timings.length).toFixed(1),
        truncatedSearches: truncated,
        outcomes,
      }),
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
