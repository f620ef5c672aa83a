import { randomBytes } from 'node:crypto';
import { SchemaNames, type Conviction } from '@ecris/contracts';
import type { SqlDatabase } from '@ecris/messaging';
import { loadFixture } from '@ecris/testing';
import { RegisterWriter, type ConvictionContent, type RegisterOffence, type RegisterSanction, type SanctionKind } from '@ecris/register';

/** Letters only (names are normalised), unique per call: persons of one test never match another's. */
export function uniqueSurname(): string {
  return `Zq${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

const AT = '2026-01-05T10:00:00.000Z';

export interface SeedPerson {
  readonly personId: string;
  readonly forename: string;
  readonly surname: string;
  readonly birthDate: { year: number; month: number; day: number };
  readonly nationalId?: string;
}

export interface SeedConviction {
  readonly id: string;
  readonly origin: 'UK' | 'FOREIGN';
  readonly convictionDate: string;
  readonly sanction: { kind: SanctionKind; duration?: string };
  readonly childSexualOffence?: boolean;
  readonly isTransmittable?: 'Yes' | 'No' | 'UNKNOWN';
  readonly deleted?: boolean;
}

function offence(id: string, childSexual: boolean): RegisterOffence {
  return {
    offenceId: id,
    ecrisCategoryRef: childSexual ? 'O-00-020100' : 'O-00-030100',
    offenceCode: null,
    title: childSexual ? 'Sexual assault of a child under 13' : 'Theft',
    titles: [],
    legalProvisions: childSexual ? 'Sexual Offences Act 2003 s.7' : 'Theft Act 1968 s.1',
    committedFrom: null,
    committedTo: null,
    childSexualOffence: childSexual,
    recordableEquivalent: 'NOT_APPLICABLE',
    onRegister: true,
  };
}

function sanction(kind: SanctionKind, duration: string | null): RegisterSanction {
  return {
    sanctionId: '1',
    ecrisCategoryRef: null,
    sanctionCode: null,
    kind,
    title: kind === 'FINE' ? 'Fine' : 'Imprisonment',
    titles: [],
    duration,
    suspendedFor: null,
    startDate: null,
    endDate: null,
    fineAmount: kind === 'FINE' ? '250.00' : null,
    fineCurrency: kind === 'FINE' ? 'GBP' : null,
    offenceIds: ['1'],
  };
}

/** A French conviction as France sent it (from the golden NOT fixture), with our id and flag. */
export function frenchConviction(ecrisId: string, isTransmittable: 'Yes' | 'No' | 'UNKNOWN'): Conviction {
  const fixture = loadFixture<{ conviction: Conviction }>(SchemaNames.notification, 1);
  return { ...fixture.conviction, convictionId: ecrisId, convictingCountryRef: 'CO-00-250-FRA', isTransmittable };
}

/** Puts a person and their convictions on the register through its only writer API. */
export async function seedRegister(db: SqlDatabase, person: SeedPerson, convictions: readonly SeedConviction[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    const writer = new RegisterWriter(tx);
    await writer.createPerson(
      {
        personId: person.personId,
        forenames: [person.forename],
        surname: person.surname,
        secondSurname: null,
        otherNames: [],
        sex: 'MALE',
        birthDate: person.birthDate,
        birthPlace: { country: 'GB', town: 'Leeds' },
        nationalities: ['GB'],
        identifiers: person.nationalId ? [{ kind: 'NATIONAL_ID', value: person.nationalId, country: 'GB' }] : [],
      },
      AT,
    );
    for (const c of convictions) {
      const ecrisId = `FR-C-${String(BigInt(`0x${randomBytes(6).toString('hex')}`)).padStart(15, '0').slice(-15)}`;
      const content: ConvictionContent = {
        convictionDate: c.convictionDate,
        finalDate: c.convictionDate,
        decidingAuthority: c.origin === 'UK' ? 'Leeds Crown Court' : 'Tribunal correctionnel de Lyon',
        fileNumber: c.id,
        isTransmittable: c.isTransmittable ?? 'Yes',
        nonCriminalRuling: 'No',
        offences: [offence('1', c.childSexualOffence ?? false)],
        sanctions: [sanction(c.sanction.kind, c.sanction.duration ?? null)],
        received: c.origin === 'FOREIGN' ? frenchConviction(ecrisId, c.isTransmittable ?? 'Yes') : null,
      };
      await writer.createConviction({
        convictionId: c.id,
        key: c.origin === 'UK' ? { origin: 'UK', courtReference: `T-${c.id}` } : { origin: 'FOREIGN', convictingState: 'FR', ecrisConvictionId: ecrisId },
        personId: person.personId,
        identification: 'MATCHED',
        matchCandidates: [],
        sourceMessageId: `seed-${c.id}`,
        sourceEventId: `seed-${c.id}`,
        at: AT,
        content,
      });
      if (c.deleted) {
        await writer.markDeleted({ convictionId: c.id, expectedVersion: 1, reason: 'QUASHED_ON_APPEAL', sourceMessageId: `seed-del-${c.id}`, sourceEventId: `seed-del-${c.id}`, at: AT });
      }
    }
  });
}
