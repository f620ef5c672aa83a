import type { SqlExecutor } from '@ecris/messaging';
import { normaliseIdentifier, RegisterReader, searchKeys, type PersonQuery, type PersonRecord, type RegisterReaderOptions } from '@ecris/register';

/**
 * The register reader of a ledger batch: the person searches the batch's records will make, run ahead
 * as one statement. A search it did not foresee, or any search after the batch wrote a person
 * (`forget`), goes to the database as usual.
 */
export class BatchRegisterReader extends RegisterReader {
  /** Candidates by `searchOf`, for the searches run ahead. */
  private readonly found = new Map<string, PersonRecord[]>();

  private constructor(tx: SqlExecutor, options: RegisterReaderOptions) {
    super(tx, options);
  }

  static async readAhead(tx: SqlExecutor, options: RegisterReaderOptions, queries: readonly PersonQuery[]): Promise<BatchRegisterReader> {
    const reader = new BatchRegisterReader(tx, options);
    const unique = new Map(queries.map((query) => [searchOf(query), query]));
    const results = await reader.findCandidatesOfEach([...unique.values()]);
    [...unique.keys()].forEach((search, index) => reader.found.set(search, results[index]!));
    return reader;
  }

  override async findCandidates(query: PersonQuery): Promise<PersonRecord[]> {
    const known = this.found.get(searchOf(query));
    return known ? [...known] : super.findCandidates(query);
  }

  /** The batch wrote a person: a search run ahead may no longer be what the database would say. */
  forget(): void {
    this.found.clear();
  }
}

/** What a search depends on, as `findCandidatesOfEach` runs it: two queries alike here find the same persons. */
function searchOf(query: PersonQuery): string {
  return JSON.stringify([
    searchKeys(query),
    query.birthDate.year,
    query.birthDate.month ?? null,
    query.birthDate.day ?? null,
    (query.identifiers ?? []).map((id) => [id.kind, id.country ?? '', normaliseIdentifier(id.value)]),
  ]);
}
