import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIFIED_UK_OFFENCES, UNCLASSIFIED_UK_OFFENCES } from './uk-courts';

/**
 * The court feed's two offence lists are promises about notification-out's table: the classified ones
 * are notified at once, the others held for an operator. Checked against the table itself, so a change
 * to it shows up here rather than as a simulation that quietly stops sending NOTs.
 */
const table = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'services', 'notification-out', 'data', 'uk-offence-categories.json'), 'utf8'),
) as { offences: { ukOffenceCode: string; statute: string }[]; actGroups: { codePrefix: string }[] };

const classified = (code: string) =>
  table.offences.some((row) => row.ukOffenceCode === code) || table.actGroups.some((group) => code.startsWith(group.codePrefix));

describe('the court feed offences', () => {
  it.each(CLASSIFIED_UK_OFFENCES.map((o) => [o.ukOffenceCode, o.statute]))('%s is classified by notification-out, with the same statute', (code, statute) => {
    expect(classified(code)).toBe(true);
    expect(table.offences.find((row) => row.ukOffenceCode === code)?.statute).toBe(statute);
  });

  it.each(UNCLASSIFIED_UK_OFFENCES.map((o) => [o.ukOffenceCode]))('%s is not, so its NOTs wait for an operator', (code) => {
    expect(classified(code)).toBe(false);
  });
});
