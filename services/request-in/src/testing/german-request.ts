import { SchemaNames, type Request } from '@ecris/contracts';
import { loadFixture } from '@ecris/testing';

export interface RequestedPersonDetails {
  readonly forename: string;
  readonly surname: string;
  readonly birthDate: { year: number; month: number | null; day: number | null };
  readonly birthTown?: string;
  readonly nationalityRefs?: readonly string[];
  readonly identityNumber?: string | null;
}

/**
 * A REQ from Germany to the UK, built from the golden fixture (GB -> FR there) with the person and
 * purpose of the case. `serial` (a number, or 15 digits from uniqueSerials) makes the ECRIS id unique per test.
 */
export function germanRequest(serial: bigint | string, person: RequestedPersonDetails, purposeCategoryRef = 'P-00-001000'): Omit<Request, 'meta'> {
  const fixture = loadFixture<Request>(SchemaNames.request, 1);
  const messageId = `DE-GB-REQ-${String(serial).padStart(15, '0')}`;
  return {
    ...fixture,
    header: { messageId, timestamp: '2026-04-02T09:15:00Z', responseTo: null, sender: 'DE', receiver: 'GB' },
    contactPerson: null,
    person: {
      ...fixture.person,
      name: {
        forename: { lang: null, text: person.forename },
        surname: { lang: null, text: person.surname },
        secondSurname: null,
        fullName: null,
      },
      birthDate: person.birthDate,
      birthPlace: { countryRef: 'CO-00-826-GBR', subdivisionRef: null, townRef: null, townName: [{ lang: 'en', translated: false, text: person.birthTown ?? 'Leeds' }] },
      nationalityRefs: [...(person.nationalityRefs ?? ['CO-00-826-GBR'])],
      formerSurnames: [],
      father: null,
      identityNumber: person.identityNumber ?? null,
      identificationDocuments: [],
      addresses: [],
      aliases: [],
    },
    purposeCategoryRef,
    requestingAuthority: { typeRef: 'RAT-00-A', code: null, name: [{ lang: 'de', translated: null, text: 'Staatsanwaltschaft Berlin' }] },
    caseReferenceNumber: 'StA-BER-2026-1',
  };
}
