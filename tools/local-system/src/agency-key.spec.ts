import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueAgencyKey, SIMULATED_AGENCY } from './agency-key';

describe("the simulated agency's key", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'agency-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is added, as a hash, to a copy of the agencies file, keeping the keys already there', () => {
    const shipped = join(dir, 'shipped.json');
    writeFileSync(shipped, JSON.stringify({ agencies: [{ id: SIMULATED_AGENCY, apiKeySha256: ['aa'] }, { id: 'MPS', apiKeySha256: ['bb'] }] }));
    const { apiKey, agenciesFile } = issueAgencyKey(shipped, dir);
    const copy = JSON.parse(readFileSync(agenciesFile, 'utf8')) as { agencies: { id: string; apiKeySha256: string[] }[] };
    expect(copy.agencies[0]!.apiKeySha256).toEqual(['aa', createHash('sha256').update(apiKey).digest('hex')]);
    expect(copy.agencies[1]!.apiKeySha256).toEqual(['bb']);
    expect(readFileSync(agenciesFile, 'utf8')).not.toContain(apiKey);
    expect(statSync(agenciesFile).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(shipped, 'utf8')).agencies[0].apiKeySha256).toEqual(['aa']);
  });
});
