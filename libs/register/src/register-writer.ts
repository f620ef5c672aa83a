import type { SqlExecutor } from '@ecris/messaging';
import { normaliseIdentifier, searchKeys } from './matching/search-keys';
import { registerStatusOf } from './register-status';
import { isoInstant } from './sql/rows';
import type {
  ConvictionChange,
  ConvictionContent,
  ConvictionHead,
  ConvictionKey,
  DeferredUpdate,
  Deletion,
  Identification,
  NewConviction,
  NewPerson,
  NewVersion,
  PersonIdentifier,
} from './types';

/**
 * The conviction changed since the caller read it (another writer got there first). Nothing was
 * written; reading again and recomputing the change is the cure, so it is a retryable condition.
 */
export class VersionConflictError extends Error {
  readonly retriable = true;
  constructor(
    readonly convictionId: string,
    readonly expectedVersion: number,
  ) {
    super(`Conviction ${convictionId} is no longer at version ${expectedVersion}`);
    this.name = 'VersionConflictError';
  }
}

/**
 * Writes to the register. register-update is its only user, always inside the effect ledger's
 * transaction (pass that `tx`), so every write commits together with the inbox row and outbox records.
 * Ids and times come in as arguments: a replay writes the same rows.
 */
export class RegisterWriter {
  constructor(private readonly tx: SqlExecutor) {}

  async createPerson(person: NewPerson, at: string): Promise<void> {
    await this.tx.query(
      `INSERT INTO register.persons (person_id, forenames, surname, second_surname, other_names, sex, birth_year,
         birth_month, birth_day, birth_country, birth_town, nationalities, created_at, updated_at)
       VALUES ($1, $2::jsonb, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $13)`,
      [
        person.personId,
        JSON.stringify(person.forenames),
        person.surname,
        person.secondSurname,
        JSON.stringify(person.otherNames),
        person.sex,
        person.birthDate.year,
        person.birthDate.month,
        person.birthDate.day,
        person.birthPlace.country,
        person.birthPlace.town,
        JSON.stringify(person.nationalities),
        at,
      ],
    );
    await this.tx.query(
      `INSERT INTO register.person_name_keys (name_key, birth_year, birth_month, birth_day, person_id)
       SELECT key, $2, $3, $4, $5 FROM jsonb_array_elements_text($1::jsonb) AS key`,
      [JSON.stringify(searchKeys(person)), person.birthDate.year, person.birthDate.month, person.birthDate.day, person.personId],
    );
    await this.addIdentifiers(person.personId, person.identifiers);
  }

  /** Identifiers learned later (a PNC id on a new court event); ones already held are kept as they are. */
  async addIdentifiers(personId: string, identifiers: readonly PersonIdentifier[]): Promise<void> {
    if (identifiers.length === 0) return;
    const rows = identifiers.map((id) => ({
      kind: id.kind,
      country: id.country ?? '',
      value: normaliseIdentifier(id.value),
      raw_value: id.value,
    }));
    await this.tx.query(
      `INSERT INTO register.person_identifiers (kind, country, value, raw_value, person_id)
       SELECT kind, country, value, raw_value, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(kind text, country text, value text, raw_value text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows), personId],
    );
  }

  /** The conviction as it stands, locked for the rest of the transaction; undefined when not held. */
  async findConviction(key: ConvictionKey): Promise<ConvictionHead | undefined> {
    return (await this.findConvictions([key])).get(convictionKeyString(key));
  }

  /**
   * Each of these convictions as it stands, locked for the rest of the transaction, by
   * `convictionKeyString`; one statement for them all. Keys not held are absent from the map.
   */
  async findConvictions(keys: readonly ConvictionKey[]): Promise<Map<string, ConvictionHead>> {
    const courtReferences = keys.flatMap((key) => (key.origin === 'UK' ? [key.courtReference] : []));
    const foreign = keys.flatMap((key) => (key.origin === 'FOREIGN' ? [{ state: key.convictingState, id: key.ecrisConvictionId }] : []));
    const { rows } = await this.tx.query<{
      conviction_id: string;
      person_id: string | null;
      identification: Identification;
      current_version: number;
      deleted: boolean;
      source_message_id: string;
      content: ConvictionContent;
      court_reference: string | null;
      convicting_state: string;
      ecris_conviction_id: string | null;
    }>(
      `SELECT c.conviction_id, c.person_id, c.identification, c.current_version, c.deleted, c.source_message_id, v.content,
              c.court_reference, c.convicting_state, c.ecris_conviction_id
         FROM register.convictions c
         JOIN register.conviction_versions v ON v.conviction_id = c.conviction_id AND v.version = c.current_version
        WHERE c.conviction_id IN (
                SELECT conviction_id FROM register.convictions WHERE court_reference = ANY($1::text[])
                UNION ALL
                SELECT x.conviction_id FROM register.convictions x
                  JOIN jsonb_to_recordset($2::jsonb) AS k(state text, id text)
                    ON x.convicting_state = k.state AND x.ecris_conviction_id = k.id)
        ORDER BY c.conviction_id
        FOR UPDATE OF c`,
      [courtReferences, JSON.stringify(foreign)],
    );
    const heads = new Map<string, ConvictionHead>();
    for (const row of rows) {
      const key: ConvictionKey =
        row.court_reference !== null
          ? { origin: 'UK', courtReference: row.court_reference }
          : { origin: 'FOREIGN', convictingState: row.convicting_state, ecrisConvictionId: row.ecris_conviction_id ?? '' };
      heads.set(convictionKeyString(key), {
        convictionId: row.conviction_id,
        personId: row.person_id,
        identification: row.identification,
        version: row.current_version,
        deleted: row.deleted,
        sourceMessageId: row.source_message_id,
        content: row.content,
      });
    }
    return heads;
  }

  async createConviction(conviction: NewConviction): Promise<void> {
    await this.createConvictions([conviction]);
  }

  /** New convictions, each with its first version, offences and sanctions: one statement for them all. */
  async createConvictions(convictions: readonly NewConviction[]): Promise<void> {
    if (convictions.length === 0) return;
    const rows = convictions.map((conviction) => {
      const { key, content } = conviction;
      const status = registerStatusOf(key.origin, content);
      return {
        ...versionRow(conviction.convictionId, 1, 'CREATED', conviction, content),
        person_id: conviction.personId,
        identification: conviction.identification,
        match_candidates: conviction.matchCandidates,
        origin: key.origin,
        convicting_state: key.origin === 'UK' ? 'GB' : key.convictingState,
        ecris_conviction_id: key.origin === 'UK' ? null : key.ecrisConvictionId,
        court_reference: key.origin === 'UK' ? key.courtReference : null,
        recordable_equivalent: status.recordableEquivalent,
        on_register: status.onRegister,
      };
    });
    await this.tx.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${VERSION_INPUT_COLUMNS},
           person_id text, identification text, match_candidates jsonb, origin text, convicting_state text,
           ecris_conviction_id text, court_reference text, recordable_equivalent text, on_register boolean)
       ),
       c AS (
         INSERT INTO register.convictions (conviction_id, person_id, identification, match_candidates, origin,
           convicting_state, ecris_conviction_id, court_reference, source_message_id, is_transmittable,
           recordable_equivalent, on_register, current_version, notified_at, updated_at)
         SELECT conviction_id, person_id, identification, match_candidates, origin, convicting_state, ecris_conviction_id,
                court_reference, source_message_id, is_transmittable, recordable_equivalent, on_register, 1, applied_at, applied_at
           FROM input
       ),
       ${VERSION_CTES}
       SELECT 1`,
      [JSON.stringify(rows)],
    );
  }

  /** Which of these convictions have updates held for them (`deferUpdate`), by `convictionKeyString`. */
  async deferredUpdateKeys(keys: readonly Extract<ConvictionKey, { origin: 'FOREIGN' }>[]): Promise<Set<string>> {
    const { rows } = await this.tx.query<{ convicting_state: string; ecris_conviction_id: string }>(
      `SELECT DISTINCT d.convicting_state, d.ecris_conviction_id FROM register.deferred_updates d
         JOIN jsonb_to_recordset($1::jsonb) AS k(state text, id text)
           ON d.convicting_state = k.state AND d.ecris_conviction_id = k.id`,
      [JSON.stringify(keys.map((key) => ({ state: key.convictingState, id: key.ecrisConvictionId })))],
    );
    return new Set(
      rows.map((row) => convictionKeyString({ origin: 'FOREIGN', convictingState: row.convicting_state, ecrisConvictionId: row.ecris_conviction_id })),
    );
  }

  /** A new version replacing the content (amendment, variation). Returns the new version number. */
  async addVersion(next: NewVersion): Promise<number> {
    const version = await this.bumpVersion(next.convictionId, next.expectedVersion, next.at, next.sourceMessageId, next.content);
    await this.insertVersion(next.convictionId, version, next.change, next, next.content);
    return version;
  }

  /**
   * Marks the conviction deleted: kept, with its history, for audit; never disclosed again. The
   * deletion is itself a version (same content, change DELETED). Returns the new version number.
   */
  async markDeleted(deletion: Deletion): Promise<number> {
    const { rows } = await this.tx.query<{ content: ConvictionContent }>(
      `SELECT v.content FROM register.convictions c
         JOIN register.conviction_versions v ON v.conviction_id = c.conviction_id AND v.version = c.current_version
        WHERE c.conviction_id = $1`,
      [deletion.convictionId],
    );
    const content = rows[0]?.content;
    if (!content) throw new VersionConflictError(deletion.convictionId, deletion.expectedVersion);
    const version = await this.bumpVersion(deletion.convictionId, deletion.expectedVersion, deletion.at, deletion.sourceMessageId, content, {
      reason: deletion.reason,
    });
    await this.insertVersion(deletion.convictionId, version, 'DELETED', deletion, content);
    return version;
  }

  /** Holds an update whose conviction is not stored yet. A second copy (same source event) is ignored. */
  async deferUpdate(update: DeferredUpdate): Promise<void> {
    await this.tx.query(
      `INSERT INTO register.deferred_updates (convicting_state, ecris_conviction_id, source_message_id, source_event_id,
         received_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (source_event_id) DO NOTHING`,
      [
        update.convictingState,
        update.ecrisConvictionId,
        update.sourceMessageId,
        update.sourceEventId,
        update.receivedAt,
        JSON.stringify(update.payload),
      ],
    );
  }

  /** Removes and returns the updates held for a conviction, in arrival order, to be applied now. */
  async takeDeferredUpdates(convictingState: string, ecrisConvictionId: string): Promise<DeferredUpdate[]> {
    const { rows } = await this.tx.query<{
      seq: string;
      source_message_id: string;
      source_event_id: string;
      received_at: string;
      payload: unknown;
    }>(
      `DELETE FROM register.deferred_updates WHERE convicting_state = $1 AND ecris_conviction_id = $2
       RETURNING seq, source_message_id, source_event_id, ${isoInstant('received_at')} AS received_at, payload`,
      [convictingState, ecrisConvictionId],
    );
    return rows
      .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1))
      .map((row) => ({
        convictingState,
        ecrisConvictionId,
        sourceMessageId: row.source_message_id,
        sourceEventId: row.source_event_id,
        receivedAt: row.received_at,
        payload: row.payload,
      }));
  }

  /**
   * The version guard: moves current_version from `expected` to `expected + 1` only if it still is
   * `expected`. Anything else means another change got in first.
   */
  private async bumpVersion(
    convictionId: string,
    expected: number,
    at: string,
    sourceMessageId: string,
    content: ConvictionContent,
    deletion?: { reason: string },
  ): Promise<number> {
    // Origin never changes, so the foreign status is computed here and UK's in SQL.
    const foreign = registerStatusOf('FOREIGN', content);
    const { rowCount } = await this.tx.query(
      `UPDATE register.convictions
          SET current_version = current_version + 1, updated_at = $3, source_message_id = $4,
              is_transmittable = $5,
              recordable_equivalent = CASE WHEN origin = 'UK' THEN 'NOT_APPLICABLE' ELSE $6 END,
              on_register = (origin = 'UK' OR $7),
              deleted = deleted OR $8, deleted_at = CASE WHEN $8 THEN $3::timestamptz ELSE deleted_at END,
              deletion_reason = CASE WHEN $8 THEN $9 ELSE deletion_reason END,
              deletion_source = CASE WHEN $8 THEN $4 ELSE deletion_source END
        WHERE conviction_id = $1 AND current_version = $2`,
      [
        convictionId,
        expected,
        at,
        sourceMessageId,
        content.isTransmittable,
        foreign.recordableEquivalent,
        foreign.onRegister,
        deletion !== undefined,
        deletion?.reason ?? null,
      ],
    );
    if (rowCount !== 1) throw new VersionConflictError(convictionId, expected);
    return expected + 1;
  }

  private async insertVersion(
    convictionId: string,
    version: number,
    change: ConvictionChange,
    source: { sourceMessageId: string; sourceEventId: string; at: string },
    content: ConvictionContent,
  ): Promise<void> {
    await this.tx.query(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${VERSION_INPUT_COLUMNS})), ${VERSION_CTES} SELECT 1`,
      [JSON.stringify([versionRow(convictionId, version, change, source, content)])],
    );
  }
}

/** The columns of a version row in the `input` the version CTEs read (`versionRow` makes one). */
const VERSION_INPUT_COLUMNS = `conviction_id text, version integer, change text, source_message_id text, source_event_id text,
  applied_at timestamptz, conviction_date text, final_date text, deciding_authority text, file_number text,
  is_transmittable text, non_criminal_ruling text, content jsonb`;

/**
 * Versions with their offences and sanctions, from the rows of a CTE named `input` (VERSION_INPUT_COLUMNS),
 * as data-modifying CTEs of one statement; the foreign keys are checked at the end of the statement.
 */
const VERSION_CTES = `
  v AS (
    INSERT INTO register.conviction_versions (conviction_id, version, change, source_message_id, source_event_id,
      applied_at, conviction_date, final_date, deciding_authority, file_number, is_transmittable, non_criminal_ruling, content)
    SELECT conviction_id, version, change, source_message_id, source_event_id, applied_at, conviction_date, final_date,
           deciding_authority, file_number, is_transmittable, non_criminal_ruling, content
      FROM input
  ),
  o AS (
    INSERT INTO register.offences (conviction_id, version, position, offence_id, ecris_category_ref, offence_code, title,
      titles, legal_provisions, committed_from, committed_to, child_sexual_offence, recordable_equivalent, on_register)
    SELECT i.conviction_id, i.version, o.ordinality - 1, o.value->>'offenceId', o.value->>'ecrisCategoryRef',
           o.value->>'offenceCode', o.value->>'title', o.value->'titles', o.value->>'legalProvisions',
           NULLIF(o.value->'committedFrom', 'null'::jsonb), NULLIF(o.value->'committedTo', 'null'::jsonb),
           (o.value->>'childSexualOffence')::boolean, o.value->>'recordableEquivalent', (o.value->>'onRegister')::boolean
      FROM input i, jsonb_array_elements(i.content -> 'offences') WITH ORDINALITY AS o(value, ordinality)
  ),
  s AS (
    INSERT INTO register.sanctions (conviction_id, version, position, sanction_id, ecris_category_ref, sanction_code, kind,
      title, titles, duration, suspended_for, start_date, end_date, fine_amount, fine_currency, offence_ids)
    SELECT i.conviction_id, i.version, s.ordinality - 1, s.value->>'sanctionId', s.value->>'ecrisCategoryRef',
           s.value->>'sanctionCode', s.value->>'kind', s.value->>'title', s.value->'titles', s.value->>'duration',
           s.value->>'suspendedFor', s.value->>'startDate', s.value->>'endDate', (s.value->>'fineAmount')::numeric,
           s.value->>'fineCurrency', s.value->'offenceIds'
      FROM input i, jsonb_array_elements(i.content -> 'sanctions') WITH ORDINALITY AS s(value, ordinality)
  )`;

function versionRow(
  convictionId: string,
  version: number,
  change: ConvictionChange,
  source: { sourceMessageId: string; sourceEventId: string; at: string },
  content: ConvictionContent,
) {
  return {
    conviction_id: convictionId,
    version,
    change,
    source_message_id: source.sourceMessageId,
    source_event_id: source.sourceEventId,
    applied_at: source.at,
    conviction_date: content.convictionDate,
    final_date: content.finalDate,
    deciding_authority: content.decidingAuthority,
    file_number: content.fileNumber,
    is_transmittable: content.isTransmittable,
    non_criminal_ruling: content.nonCriminalRuling,
    content,
  };
}

/** One string per conviction key, for maps of keys. */
export function convictionKeyString(key: ConvictionKey): string {
  return key.origin === 'UK' ? `UK|${key.courtReference}` : `FOREIGN|${key.convictingState}|${key.ecrisConvictionId}`;
}
