import type { Conviction, Person } from '@ecris/contracts';
import type { SqlExecutor } from '@ecris/messaging';
import { matchPerson, RegisterReader, type MatchThresholds, type RegisterConviction } from '@ecris/register';
import type { Identification } from '../domain/answer';
import type { HeldConviction } from '../domain/held-conviction';
import type { RegisterSearch } from '../ports';
import { personQueryOf, type Iso2Of } from './person-query';

export interface RegisterSearchOptions {
  readonly thresholds: MatchThresholds;
  readonly maxCandidates: number;
  readonly iso2Of: Iso2Of;
}

/** The register through @ecris/register: candidates by name keys and identifiers, scored by matchPerson. */
export class RegisterSearchAdapter implements RegisterSearch {
  private readonly reader: RegisterReader;

  constructor(
    db: SqlExecutor,
    private readonly options: RegisterSearchOptions,
  ) {
    this.reader = new RegisterReader(db, { maxCandidates: options.maxCandidates });
  }

  async identify(person: Person): Promise<Identification> {
    const query = personQueryOf(person, this.options.iso2Of);
    const candidates = await this.reader.findCandidates(query);
    const result = matchPerson(query, candidates, this.options.thresholds);
    // A full page of candidates may hide a better one: never trust a "one" from it (libs/register README).
    const truncated = candidates.length >= this.options.maxCandidates;
    if (result.outcome === 'one' && !truncated) {
      const best = candidates.find((candidate) => candidate.personId === result.matches[0]!.personId)!;
      return { outcome: 'one', personId: best.personId, birthDate: best.birthDate };
    }
    if (result.outcome === 'none' && !truncated) return { outcome: 'none' };
    return { outcome: 'several', candidates: result.matches.length };
  }

  async convictionsOf(personId: string): Promise<HeldConviction[]> {
    const convictions = await this.reader.convictionsOf(personId);
    return Promise.all(convictions.map(async (conviction) => ({ ...conviction, received: await this.receivedOf(conviction) })));
  }

  /** The ECRIS conviction a foreign state last sent (kept in the version's content), for sending on unchanged. */
  private async receivedOf(conviction: RegisterConviction): Promise<Conviction | null> {
    if (conviction.origin !== 'FOREIGN' || conviction.deleted) return null;
    const current = (await this.reader.historyOf(conviction.convictionId)).find((version) => version.version === conviction.version);
    return isEcrisConviction(current?.content.received) ? current.content.received : null;
  }
}

/** The stored form is register-update's choice: only a value shaped like an ECRIS Conviction is sent on as one. */
function isEcrisConviction(value: unknown): value is Conviction {
  const c = value as Partial<Conviction> | null | undefined;
  return (
    typeof c?.convictionId === 'string' &&
    /^[A-Z]{2}-C-[0-9]{15}$/.test(c.convictionId) &&
    typeof c.convictingCountryRef === 'string' &&
    Array.isArray(c.decisions) &&
    Array.isArray(c.offences) &&
    Array.isArray(c.sanctions)
  );
}
