import { brief, failuresOf, goldenFixture, type InvalidCase } from '../testing/fixtures';
import { FUNCTIONAL_ERRORS as FE } from './functional-errors';
import { validateMessage } from './validate-message';

describe('validateMessage NOT (person and conviction rules)', () => {
  it('passes the golden fixture', () => {
    expect(validateMessage('NOT', goldenFixture('NOT'))).toEqual([]);
  });

  const cases: InvalidCase<'NOT'>[] = [
    // Person: mandatory elements, lengths, formats, partial dates.
    { name: 'empty forename', breakIt: (m) => void (m.person.name.forename.text = ' '), path: 'person.name.forename.text', code: FE.MISSING.code },
    { name: 'surname over 200 characters', breakIt: (m) => void (m.person.name.surname.text = 'x'.repeat(201)), path: 'person.name.surname.text', code: FE.TOO_LONG.code },
    { name: 'markup in an alias name', breakIt: (m) => void (m.person.aliases[0].name.forename.text = '<b>'), path: 'person.aliases[0].name.forename.text', code: FE.NOT_ALLOWED.code },
    { name: 'no nationality', breakIt: (m) => void (m.person.nationalityRefs = []), path: 'person.nationalityRefs', code: FE.MISSING.code },
    { name: 'a 2-letter code as nationality', breakIt: (m) => void (m.person.nationalityRefs = ['FR']), path: 'person.nationalityRefs[0]', code: FE.BAD_FORMAT.code },
    { name: 'birth day without month', breakIt: (m) => void (m.person.birthDate = { year: 1990, month: null, day: 5 }), path: 'person.birthDate.day', code: FE.BAD_DATE.code },
    { name: 'birth date 30 February', breakIt: (m) => void (m.person.birthDate = { year: 1990, month: 2, day: 30 }), path: 'person.birthDate.day', code: FE.BAD_DATE.code },
    { name: 'birth month 13', breakIt: (m) => void (m.person.birthDate = { year: 1990, month: 13, day: null }), path: 'person.birthDate.month', code: FE.BAD_DATE.code },
    { name: 'two-digit birth year', breakIt: (m) => void (m.person.birthDate = { year: 90, month: null, day: null }), path: 'person.birthDate.year', code: FE.BAD_DATE.code },
    { name: 'no birth town name', breakIt: (m) => void (m.person.birthPlace.townName = []), path: 'person.birthPlace.townName', code: FE.MISSING.code },
    { name: 'malformed birth country', breakIt: (m) => void (m.person.birthPlace.countryRef = 'CO-00-250-FR'), path: 'person.birthPlace.countryRef', code: FE.BAD_FORMAT.code },
    {
      name: 'document expiring before issue',
      breakIt: (m) => void (m.person.identificationDocuments[0].validUntil = { year: 2019, month: null, day: null }),
      path: 'person.identificationDocuments[0].validUntil',
      code: FE.DATE_ORDER.code,
    },
    { name: 'malformed document category', breakIt: (m) => void (m.person.identificationDocuments[0].categoryRef = 'ID-3'), path: 'person.identificationDocuments[0].categoryRef', code: FE.BAD_FORMAT.code },
    { name: 'upper-case language code', breakIt: (m) => void (m.person.birthPlace.townName[0].lang = 'FR'), path: 'person.birthPlace.townName[0].lang', code: FE.BAD_FORMAT.code },

    // Conviction: ids, full dates, ranges.
    { name: 'malformed conviction id', breakIt: (m) => void (m.conviction.convictionId = 'GB-C-1'), path: 'conviction.convictionId', code: FE.BAD_FORMAT.code },
    { name: 'partial decision date', breakIt: (m) => void (m.conviction.decisionDate = '2025-02'), path: 'conviction.decisionDate', code: FE.BAD_DATE.code },
    { name: 'final before decision', breakIt: (m) => void (m.conviction.decisionFinalDate = '2025-02-01'), path: 'conviction.decisionFinalDate', code: FE.DATE_ORDER.code },
    { name: 'no decision', breakIt: (m) => void ((m.conviction.decisions = []), (m.conviction.decisionToOffences = []), (m.conviction.decisionToSanctions = [])), path: 'conviction.decisions', code: FE.MISSING.code },
    { name: 'file number over 50 characters', breakIt: (m) => void (m.conviction.fileNumber = 'F'.repeat(51)), path: 'conviction.fileNumber', code: FE.TOO_LONG.code },
    { name: 'malformed change type', breakIt: (m) => void (m.conviction.decisions[0].changeTypeRefs = ['R']), path: 'conviction.decisions[0].changeTypeRefs[0]', code: FE.BAD_FORMAT.code },
    { name: 'offence category as NNNN NN instead of a reference', breakIt: (m) => void (m.conviction.offences[1].commonCategoryRef = '0400 00'), path: 'conviction.offences[1].commonCategoryRef', code: FE.BAD_FORMAT.code },
    { name: 'offence category group 00', breakIt: (m) => void (m.conviction.offences[1].commonCategoryRef = 'O-00-000100'), path: 'conviction.offences[1].commonCategoryRef', code: FE.BAD_FORMAT.code },
    { name: 'no legal provisions', breakIt: (m) => void (m.conviction.offences[0].applicableLegalProvisions = ''), path: 'conviction.offences[0].applicableLegalProvisions', code: FE.MISSING.code },
    { name: 'no national title', breakIt: (m) => void (m.conviction.offences[0].nationalTitle = []), path: 'conviction.offences[0].nationalTitle', code: FE.MISSING.code },
    {
      name: 'offence ending before it started',
      breakIt: (m) => void (m.conviction.offences[0].endDate = { year: 2024, month: 5, day: null }),
      path: 'conviction.offences[0].endDate',
      code: FE.DATE_ORDER.code,
    },
    { name: '1000 occurrences', breakIt: (m) => void (m.conviction.offences[1].numberOfOccurrences = 1000), path: 'conviction.offences[1].numberOfOccurrences', code: FE.OUT_OF_RANGE.code },
    { name: 'malformed level of completion', breakIt: (m) => void (m.conviction.offences[0].levelOfCompletionRef = 'LC-C'), path: 'conviction.offences[0].levelOfCompletionRef', code: FE.BAD_FORMAT.code },
    { name: 'multiplier 0', breakIt: (m) => void (m.conviction.sanctions[0].multiplier = 0), path: 'conviction.sanctions[0].multiplier', code: FE.OUT_OF_RANGE.code },
    { name: 'duration in words', breakIt: (m) => void (m.conviction.sanctions[0].sentencedPeriod!.duration = '3 years'), path: 'conviction.sanctions[0].sentencedPeriod.duration', code: FE.BAD_FORMAT.code },
    { name: 'fine with 3 decimals', breakIt: (m) => void (m.conviction.sanctions[1].amountOfIndividualFine = '250.005'), path: 'conviction.sanctions[1].amountOfIndividualFine', code: FE.BAD_FORMAT.code },
    { name: 'fine of zero', breakIt: (m) => void (m.conviction.sanctions[1].amountOfIndividualFine = '0.00'), path: 'conviction.sanctions[1].amountOfIndividualFine', code: FE.OUT_OF_RANGE.code },
    { name: 'currency as ISO code', breakIt: (m) => void (m.conviction.sanctions[1].currencyOfFineRef = 'GBP'), path: 'conviction.sanctions[1].currencyOfFineRef', code: FE.BAD_FORMAT.code },
    { name: 'malformed sanction nature', breakIt: (m) => void (m.conviction.sanctions[0].natureRef = 'N-0'), path: 'conviction.sanctions[0].natureRef', code: FE.BAD_FORMAT.code },

    // Cross references inside the conviction.
    {
      name: 'duplicate offence id',
      breakIt: (m) => {
        m.conviction.offences[1].offenceId = 'O-00001';
        for (const link of [...m.conviction.decisionToOffences, ...m.conviction.sanctionToOffences]) {
          link.offenceIds = link.offenceIds.map((id) => (id === 'O-00002' ? 'O-00001' : id));
        }
      },
      path: 'conviction.offences[1].offenceId',
      code: FE.DUPLICATE_ID.code,
    },
    { name: 'decision pointing at a missing offence', breakIt: (m) => void (m.conviction.decisionToOffences[0].offenceIds[1] = 'O-00009'), path: 'conviction.decisionToOffences[0].offenceIds[1]', code: FE.UNKNOWN_REFERENCE.code },
    { name: 'link from a missing decision', breakIt: (m) => void (m.conviction.decisionToOffences[0].decisionId = 'D-00009'), path: 'conviction.decisionToOffences[0].decisionId', code: FE.UNKNOWN_REFERENCE.code },
    { name: 'decision pointing at a missing sanction', breakIt: (m) => void (m.conviction.decisionToSanctions[0].sanctionIds[0] = 'S-00009'), path: 'conviction.decisionToSanctions[0].sanctionIds[0]', code: FE.UNKNOWN_REFERENCE.code },
    { name: 'sanction pointing at a missing offence', breakIt: (m) => void (m.conviction.sanctionToOffences[1].offenceIds = ['O-00003']), path: 'conviction.sanctionToOffences[1].offenceIds[0]', code: FE.UNKNOWN_REFERENCE.code },
    { name: 'link from a missing sanction', breakIt: (m) => void (m.conviction.sanctionToOffences[1].sanctionId = 'S-00009'), path: 'conviction.sanctionToOffences[1].sanctionId', code: FE.UNKNOWN_REFERENCE.code },
    { name: 'sanction linked to no offence', breakIt: (m) => void (m.conviction.sanctionToOffences[0].offenceIds = []), path: 'conviction.sanctionToOffences[0].offenceIds', code: FE.MISSING.code },
    {
      name: 'sanction to a missing sanction',
      breakIt: (m) => void (m.conviction.sanctionToSanctions = [{ typeRef: 'SSR-00-02', sourceSanctionId: 'S-00002', destinationSanctionIds: ['S-00007'] }]),
      path: 'conviction.sanctionToSanctions[0].destinationSanctionIds[0]',
      code: FE.UNKNOWN_REFERENCE.code,
    },

    // The rest of the message.
    {
      name: 'update reference with two forms at once',
      breakIt: (m) => void (m.updatedConvictionReference = { ecrisConvictionId: 'GB-C-000000000000000', njrConvictionReference: 'NJR-1', externalConviction: null }),
      path: 'updatedConvictionReference',
      code: FE.NOT_ALLOWED.code,
    },
    {
      name: 'other affected convictions from another conviction',
      breakIt: (m) =>
        void (m.otherAffectedConvictions = {
          sourceConvictionId: 'GB-C-000000000000999',
          destinations: [{ ecrisConvictionId: 'GB-C-000000000000000', njrConvictionReference: null, externalConviction: null }],
        }),
      path: 'otherAffectedConvictions.sourceConvictionId',
      code: FE.UNKNOWN_REFERENCE.code,
    },
    { name: 'malformed attachment id', breakIt: (m) => void (m.fingerprints!.attachmentId = 'GB-BA-1'), path: 'fingerprints.attachmentId', code: FE.BAD_FORMAT.code },
    { name: 'contact e-mail without @', breakIt: (m) => void (m.contactPerson!.email = 'ecris.desk'), path: 'contactPerson.email', code: FE.BAD_FORMAT.code },
    { name: 'remarks over 4000 characters', breakIt: (m) => void (m.remarks = [{ lang: 'en', translated: null, text: 'r'.repeat(4001) }]), path: 'remarks[0].text', code: FE.TOO_LONG.code },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('fails on %s, at the field, with its code', (_name, c) => {
    expect(brief(failuresOf('NOT', c.breakIt))).toEqual([`${c.path} ${c.code}`]);
  });

  it('accepts an update notification pointing at the conviction it updates', () => {
    const failures = failuresOf('NOT', (m) => {
      m.updatedConvictionReference = { ecrisConvictionId: 'GB-C-000000000000001', njrConvictionReference: null, externalConviction: null };
      m.conviction.decisions.push({
        decisionId: 'D-00002',
        changeTypeRefs: ['DCH-00-Y'],
        decisionDate: '2025-08-28',
        finalDate: '2025-08-28',
        decidingAuthority: { code: null, name: [{ lang: 'en', translated: null, text: 'Court of Appeal' }] },
        deleteConvictionFromRegister: 'Yes',
        remarks: [],
      });
    });
    expect(failures).toEqual([]);
  });

  it('never puts the offending value in a message', () => {
    const personal = 'Zebedee<1975-01-01>';
    const failures = failuresOf('NOT', (m) => {
      m.person.name.forename.text = personal;
      m.person.identityNumber = `${personal}${'9'.repeat(50)}`;
      m.conviction.fileNumber = `${personal}${'9'.repeat(50)}`;
    });
    expect(failures.length).toBe(3);
    for (const failure of failures) expect(`${failure.path} ${failure.message}`).not.toContain('Zebedee');
  });
});
