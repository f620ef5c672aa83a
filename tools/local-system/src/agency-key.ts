/**
 * An API key for the simulated agency, for this run only: request-out keeps only key hashes in its
 * agencies file, so the run writes a copy of that file (REQUEST_OUT_AGENCIES_FILE, else the shipped one)
 * with the new key's hash added to one agency, and request-out reads the copy. Nothing in the repository
 * changes and the key dies with the run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIMULATED_AGENCY = 'GMP';

export interface AgencyKey {
  readonly apiKey: string;
  readonly agenciesFile: string;
}

interface AgenciesFile {
  agencies: { id: string; apiKeySha256: string[] }[];
}

export function issueAgencyKey(shippedFile: string, runDir: string): AgencyKey {
  const file = JSON.parse(readFileSync(shippedFile, 'utf8')) as AgenciesFile;
  const agency = file.agencies.find((candidate) => candidate.id === SIMULATED_AGENCY);
  if (!agency) throw new Error(`${shippedFile} has no agency ${SIMULATED_AGENCY} for the simulated requests`);
  const apiKey = randomBytes(24).toString('hex');
  agency.apiKeySha256 = [...agency.apiKeySha256, createHash('sha256').update(apiKey).digest('hex')];
  const agenciesFile = join(runDir, 'agencies.json');
  writeFileSync(agenciesFile, JSON.stringify(file, null, 2), { mode: 0o600 });
  return { apiKey, agenciesFile };
}
