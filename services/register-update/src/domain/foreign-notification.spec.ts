import type { RegisterTables } from './tables';
import { currencyCode, readForeignNotification, totalFine, type ForeignNotification } from './foreign-notification';
import { translatedNotification } from '../testing/fixtures';

const tables: RegisterTables = {
  recordable: { byCategory: new Map([['0202 00', true]]) },
  childSexual: { ukOffenceCodes: new Set(), ukStatutePatterns: [], ecrisCategories: new Set() },
};
const countryOf = (ref: string) => ({ 'CO-00-826-GBR': 'GB', 'CO-00-724-ESP': 'ES' })[ref];

describe('readForeignNotification', () => {
  it('reads the person, provenance and the conviction with its English texts and originals', () => {
    const value = translatedNotification({ serial: '000000000000042', surname: 'Sample' });
    const read = readForeignNotification(value, tables, countryOf, 'GB') as ForeignNotification;
    expect(read).toMatchObject({
      messageId: 'ES-GB-NOT-000000000000042',
      senderState: 'ES',
      ecrisConvictionId: 'ES-C-000000000000042',
      updates: null,
      deleteFromRegister: 'No',
      person: { forenames: ['Sam'], surname: 'Sample', birthDate: { year: 1990, month: 5, day: null }, nationalities: ['GB'] },
    });
    expect(read.person.birthPlace).toEqual({ country: 'GB', town: 'Leeds' });
    expect(read.content).toMatchObject({
      convictionDate: '2025-02-10',
      decidingAuthority: 'Criminal Court No. 3 of Madrid',
      isTransmittable: 'Yes',
    });
    expect(read.content.offences[0]).toMatchObject({
      ecrisCategoryRef: 'O-00-020200',
      title: 'Participation in a criminal organisation',
      legalProvisions: 'Article 570 bis of the Criminal Code',
      recordableEquivalent: 'YES',
      onRegister: true,
      childSexualOffence: false,
    });
    expect(read.content.offences[0]?.titles).toEqual([
      { lang: 'es', translated: false, text: 'Participación en organización criminal' },
      { lang: 'en', translated: true, text: 'Participation in a criminal organisation' },
    ]);
    expect(read.content.sanctions[0]).toMatchObject({ kind: 'CUSTODY', duration: 'P2Y', startDate: '2025-02-10', offenceIds: ['O-00001'] });
  });

  it('keeps an offence without a recordable equivalent as received, off the register', () => {
    const read = readForeignNotification(translatedNotification(), { ...tables, recordable: { byCategory: new Map() } }, countryOf, 'GB') as ForeignNotification;
    expect(read.content.offences[0]).toMatchObject({ recordableEquivalent: 'UNKNOWN', onRegister: false });
  });

  it('reads an update and a deletion', () => {
    const read = readForeignNotification(
      translatedNotification({ updates: 'ES-C-000000000000001', deleteFromRegister: true }),
      tables,
      countryOf,
      'GB',
    ) as ForeignNotification;
    expect(read).toMatchObject({ updates: 'ES-C-000000000000001', deleteFromRegister: 'Yes' });
  });

  it.each([
    ['a translation of a request answer is not for the register', { messageType: 'RRS' }, 'NOT_A_NOTIFICATION'],
    ['a v1 translation without content cannot be rebuilt', { messageType: 'NOT', convictions: [] }, 'INCOMPLETE_TRANSLATION'],
    ['a person who is not a UK national', { person: { ...translatedNotification().person!, nationalityRefs: ['CO-00-724-ESP'] } }, 'NOT_A_UK_NATIONAL'],
    [
      'an update pointing at a conviction sent by other means',
      { updatedConvictionReference: { ecrisConvictionId: null, njrConvictionReference: 'NJR-1', externalConviction: null } },
      'UNSUPPORTED_CONVICTION_REFERENCE',
    ],
  ])('refuses %s', (_name, change, code) => {
    const read = readForeignNotification({ ...translatedNotification(), ...change }, tables, countryOf, 'GB');
    expect(read).toMatchObject({ code });
  });
});

describe('fines and currencies', () => {
  it.each([
    [null, '150.50', '150.50'],
    [30, '12.5', '375.00'],
    [2, '0.01', '0.02'],
    [3, null, null],
  ])('%s fines of %s -> %s', (count, amount, total) => {
    expect(totalFine(count, amount)).toBe(total);
  });

  it('reads the ISO currency from its reference', () => {
    expect(currencyCode('CX-00-978-EUR')).toBe('EUR');
  });
});
