/**
 * What request-out is configured with (services/request-out/config/*.json): the agencies allowed to ask,
 * the request purposes, and the ECRIS codes whose official values were not found (ecris.md §7).
 * Parsing checks everything and lists every problem, so a bad file stops the service at start-up
 * rather than refusing requests one by one later.
 */
import { LEGAL_BASES, REQUEST_PURPOSES, type LegalBasis, type RequestPurpose } from '@ecris/deadlines';
import type { StateOutcome } from '@ecris/contracts';

export interface Agency {
  /** Our code for the agency; the ECRIS requesting authority code. */
  readonly id: string;
  readonly name: string;
  /** ECRIS requesting authority type RAT-NN-X. */
  readonly authorityTypeRef: string;
  /** SHA-256 (hex) of each API key the agency may use; the keys themselves are never stored. */
  readonly apiKeySha256: readonly string[];
  /** Purpose category refs (P-NN-NNNNNN) the agency may ask for. */
  readonly purposes: readonly string[];
}

export interface PurposeDefinition {
  readonly ref: string;
  readonly label: string;
  /** The class the deadline rules and the sending policy know. */
  readonly class: RequestPurpose;
  /**
   * Which states take requests for this purpose: 'all', or a list of wire codes (other purposes only
   * where the requested state's law allows them, ecris.md §6 scenario 20). Own-record requests are
   * always sent (FRA 2020 s.4(2)), whatever this says.
   */
  readonly sendTo: 'all' | readonly string[];
}

/** Answer categories we map RRT codes onto (the RRT table is partial: ecris.md §4). */
export type ResponseKind = 'ANSWERED' | 'DENIED' | 'PROBLEM' | 'OTHER';

export interface RequestOutPolicy {
  readonly legalBasis: LegalBasis;
  readonly purposes: readonly PurposeDefinition[];
  /** ECRIS additional-info response types (ART-NN-NN): placeholders until the official table is loaded. */
  readonly additionalInfoAvailable: string;
  readonly additionalInfoNotAvailable: string;
  readonly responseTypes: Readonly<Record<string, ResponseKind>>;
}

export class InvalidConfigurationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const PURPOSE_REF = /^P-[0-9]{2}-[0-9]{6}$/;
const AUTHORITY_TYPE = /^RAT-[0-9]{2}-[A-Z]$/;
const AGENCY_ID = /^[A-Z0-9][A-Z0-9-]{0,49}$/;
const ART_CODE = /^ART-[0-9]{2}-[0-9]{2}$/;
const RRT_CODE = /^RRT-[0-9]{2}-[0-9]{2}$/;
const WIRE_CODE = /^[A-Z]{2}$/;
const RESPONSE_KINDS: readonly ResponseKind[] = ['ANSWERED', 'DENIED', 'PROBLEM', 'OTHER'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;

export function parseAgencies(json: unknown, file = 'agencies'): Agency[] {
  const problems: string[] = [];
  const rows = isObject(json) ? json['agencies'] : undefined;
  if (!Array.isArray(rows)) throw new InvalidConfigurationError(file, ['"agencies" must be an array']);
  const agencies: Agency[] = [];
  rows.forEach((row: unknown, index) => {
    const at = `agencies[${index}]`;
    if (!isObject(row)) return void problems.push(`${at}: not an object`);
    const keys = stringsOf(row['apiKeySha256'] ?? []);
    const purposes = stringsOf(row['purposes']);
    if (typeof row['id'] !== 'string' || !AGENCY_ID.test(row['id'])) problems.push(`${at}.id: upper-case letters, digits and '-'`);
    if (typeof row['name'] !== 'string' || row['name'].trim() === '' || row['name'].length > 400) problems.push(`${at}.name: 1-400 characters`);
    if (typeof row['authorityTypeRef'] !== 'string' || !AUTHORITY_TYPE.test(row['authorityTypeRef'])) problems.push(`${at}.authorityTypeRef: RAT-NN-X`);
    if (!keys || !keys.every((key) => SHA256_HEX.test(key))) problems.push(`${at}.apiKeySha256: lower-case hex SHA-256 digests, never keys`);
    if (!purposes || purposes.length === 0 || !purposes.every((ref) => PURPOSE_REF.test(ref))) problems.push(`${at}.purposes: one or more P-NN-NNNNNN`);
    agencies.push({
      id: String(row['id']),
      name: String(row['name']),
      authorityTypeRef: String(row['authorityTypeRef']),
      apiKeySha256: keys ?? [],
      purposes: purposes ?? [],
    });
  });
  const ids = agencies.map((agency) => agency.id);
  if (new Set(ids).size !== ids.length) problems.push('agency ids must be unique');
  const keys = agencies.flatMap((agency) => agency.apiKeySha256);
  if (new Set(keys).size !== keys.length) problems.push('a key may belong to one agency only');
  if (problems.length > 0) throw new InvalidConfigurationError(file, problems);
  return agencies;
}

export function parsePolicy(json: unknown, file = 'policy'): RequestOutPolicy {
  if (!isObject(json)) throw new InvalidConfigurationError(file, ['not a JSON object']);
  const problems: string[] = [];
  const legalBasis = json['legalBasis'];
  if (!LEGAL_BASES.includes(legalBasis as LegalBasis)) problems.push(`legalBasis: one of ${LEGAL_BASES.join(', ')}`);

  const purposes: PurposeDefinition[] = [];
  const rows = Array.isArray(json['purposes']) ? json['purposes'] : [];
  if (rows.length === 0) problems.push('purposes: at least one');
  rows.forEach((row: unknown, index) => {
    const at = `purposes[${index}]`;
    if (!isObject(row)) return void problems.push(`${at}: not an object`);
    const sendTo = row['sendTo'] === 'all' ? 'all' : stringsOf(row['sendTo']);
    if (typeof row['ref'] !== 'string' || !PURPOSE_REF.test(row['ref'])) problems.push(`${at}.ref: P-NN-NNNNNN`);
    if (typeof row['label'] !== 'string' || row['label'].trim() === '') problems.push(`${at}.label: required`);
    if (!REQUEST_PURPOSES.includes(row['class'] as RequestPurpose)) problems.push(`${at}.class: one of ${REQUEST_PURPOSES.join(', ')}`);
    if (sendTo === undefined || (sendTo !== 'all' && !sendTo.every((code) => WIRE_CODE.test(code)))) problems.push(`${at}.sendTo: "all" or wire codes`);
    purposes.push({ ref: String(row['ref']), label: String(row['label']), class: row['class'] as RequestPurpose, sendTo: sendTo ?? [] });
  });
  const refs = purposes.map((purpose) => purpose.ref);
  if (new Set(refs).size !== refs.length) problems.push('purposes: each ref once');

  const art = isObject(json['additionalInfoResponseTypes']) ? json['additionalInfoResponseTypes'] : {};
  for (const name of ['available', 'notAvailable']) {
    if (typeof art[name] !== 'string' || !ART_CODE.test(art[name] as string)) problems.push(`additionalInfoResponseTypes.${name}: ART-NN-NN`);
  }
  const responseTypes: Record<string, ResponseKind> = {};
  const rrt = isObject(json['responseTypes']) ? json['responseTypes'] : {};
  for (const [code, kind] of Object.entries(rrt)) {
    if (!RRT_CODE.test(code) || !RESPONSE_KINDS.includes(kind as ResponseKind)) problems.push(`responseTypes.${code}: RRT-NN-NN to one of ${RESPONSE_KINDS.join(', ')}`);
    else responseTypes[code] = kind as ResponseKind;
  }
  if (problems.length > 0) throw new InvalidConfigurationError(file, problems);
  return {
    legalBasis: legalBasis as LegalBasis,
    purposes,
    additionalInfoAvailable: art['available'] as string,
    additionalInfoNotAvailable: art['notAvailable'] as string,
    responseTypes,
  };
}

export function purposeOf(policy: RequestOutPolicy, ref: string): PurposeDefinition | undefined {
  return policy.purposes.find((purpose) => purpose.ref === ref);
}

/** What an RRS's response type means for the agency. A code we do not know is shown as OTHER, never guessed. */
export function outcomeOf(policy: RequestOutPolicy, responseTypeRef: string, convictionCount: number): StateOutcome {
  const kind = policy.responseTypes[responseTypeRef] ?? 'OTHER';
  if (kind === 'ANSWERED') return convictionCount > 0 ? 'CONVICTIONS' : 'NO_CONVICTIONS';
  return kind;
}
