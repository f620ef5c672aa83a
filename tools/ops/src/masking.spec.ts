import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASK, maskPersonalData } from './masking';

const SCHEMAS = join(__dirname, '..', '..', '..', 'schemas', 'uk', 'ecris');
const fixture = (path: string) => JSON.parse(readFileSync(join(SCHEMAS, path), 'utf8')) as Record<string, unknown>;

/** Every string leaf of a value, to look for what must not show. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('maskPersonalData', () => {
  it.each([
    ['an ECRIS notification', 'message/fixtures/Notification.v1.json', ['person', 'contactPerson']],
    ['a court conviction event', 'court/fixtures/ConvictionRecorded.v1.json', ['conviction']],
    ['an agency request', 'agency/fixtures/PreviousConvictionsRequest.v1.json', ['person']],
    ['a request response', 'message/fixtures/RequestResponse.v1.json', ['person']],
  ])('leaves none of the person in %s, but keeps what routes it and what is not about the person', (_what, path, holders) => {
    const value = fixture(path);
    const kept: string[] = [];
    const personal = holders.flatMap((holder) => {
      const holderValue = value[holder] as Record<string, unknown>;
      const person = (holderValue?.person as Record<string, unknown>) ?? holderValue;
      const { nationalityRefs, nationalities, sex, ...rest } = person ?? {};
      kept.push(...strings([nationalityRefs, nationalities, sex]));
      return strings(rest);
    });
    // What is kept or also appears outside the person (a birth town that is also the court's town, a country code) proves nothing.
    const outside = new Set([...kept, ...strings(Object.fromEntries(Object.entries(value).filter(([key]) => !holders.includes(key))))]);
    const onlyPersonal = personal.filter((text) => text.length > 2 && !outside.has(text));
    expect(onlyPersonal.length).toBeGreaterThan(2);
    const masked = JSON.stringify(maskPersonalData(value));
    for (const text of onlyPersonal) expect({ text, shown: masked.includes(JSON.stringify(text)) }).toEqual({ text, shown: false });
    expect(masked).toContain(MASK);
    expect(JSON.stringify((maskPersonalData(value) as { meta: unknown }).meta)).toBe(JSON.stringify(value.meta));
  });

  it('keeps nationality and sex inside a person, masks names and birth data anywhere, and keeps nulls as nulls', () => {
    const value = {
      header: { messageId: 'GB-FR-NOT-000000000000001' },
      person: { name: { forenames: ['Jean'] }, nationalityRefs: ['CO-00-250-FRA'], sex: 'MALE', identityNumber: null, birthDate: { year: 1980 } },
      alias: { surname: 'Dupont', dateOfBirth: null },
    };
    expect(maskPersonalData(value)).toEqual({
      header: { messageId: 'GB-FR-NOT-000000000000001' },
      person: { name: { forenames: MASK }, nationalityRefs: ['CO-00-250-FRA'], sex: 'MALE', identityNumber: null, birthDate: MASK },
      alias: { surname: MASK, dateOfBirth: null },
    });
  });

  it('does not change the value it is given', () => {
    const value = { person: { surname: 'Dupont' } };
    maskPersonalData(value);
    expect(value.person.surname).toBe('Dupont');
  });
});
