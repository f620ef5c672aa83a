import type { Person } from '@ecris/contracts';
import { germanRequest } from '../testing/german-request';
import { personQueryOf } from './person-query';

const ISO2: Record<string, string> = { 'CO-00-826-GBR': 'GB', 'CO-00-276-DEU': 'DE' };
const iso2Of = (ref: string) => ISO2[ref];
const base: Person = germanRequest(1n, { forename: 'Anna Maria', surname: 'Example', birthDate: { year: 1990, month: 5, day: null } }).person;

describe('personQueryOf', () => {
  it('splits forenames, keeps the partial birth date and maps countries to ISO codes', () => {
    expect(personQueryOf(base, iso2Of)).toMatchObject({
      forenames: ['Anna', 'Maria'],
      surname: 'Example',
      birthDate: { year: 1990, month: 5, day: null },
      birthPlace: { country: 'GB', town: 'Leeds' },
      nationalities: ['GB'],
      identifiers: [],
    });
  });

  it('takes identity numbers and documents as issued by the first nationality', () => {
    const person: Person = {
      ...base,
      nationalityRefs: ['CO-00-276-DEU', 'CO-00-826-GBR'],
      identityNumber: 'T22000129',
      identificationDocuments: [{ categoryRef: 'ID-00-003', type: [], number: 'C01X00T47', issuingAuthority: [], issuingDate: null, validUntil: null }],
    };
    expect(personQueryOf(person, iso2Of).identifiers).toEqual([
      { kind: 'NATIONAL_ID', value: 'T22000129', country: 'DE' },
      { kind: 'ID_DOCUMENT', value: 'C01X00T47', country: 'DE' },
    ]);
  });

  it('leaves identifiers out when no nationality is known to the reference data', () => {
    expect(personQueryOf({ ...base, nationalityRefs: ['CO-00-999-XXX'], identityNumber: 'X' }, iso2Of).identifiers).toEqual([]);
  });

  it('turns former names and aliases into full names to compare', () => {
    const alias: Person['aliases'][number] = {
      name: { forename: { lang: null, text: 'Jo' }, surname: { lang: null, text: 'Alias' }, secondSurname: null, fullName: null },
      sex: null,
      birthDate: null,
      birthPlace: null,
      nationalityRefs: [],
      father: null,
      mother: null,
      identityNumber: null,
      identificationDocuments: [],
      addresses: [],
      remarks: [],
    };
    const person: Person = { ...base, formerSurnames: [{ lang: null, text: 'Oldname' }], aliases: [alias] };
    expect(personQueryOf(person, iso2Of).otherNames).toEqual(['Anna Maria Oldname', 'Jo Alias']);
  });
});
