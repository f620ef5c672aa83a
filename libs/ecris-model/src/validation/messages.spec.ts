import { ECRIS_MESSAGE_TYPES } from './formats';
import { brief, failuresOf, goldenFixture } from '../testing/fixtures';
import { FUNCTIONAL_ERRORS as FE } from './functional-errors';
import { validateMessage, type EcrisMessages } from './validate-message';

type Case<T extends keyof EcrisMessages> = [string, (m: EcrisMessages[T]) => void, string, string];

const text = (value: string) => [{ lang: 'en', translated: null, text: value }];

const invalid: { [T in keyof EcrisMessages]: Case<T>[] } = {
  NOT: [['no nationality (more in notification.spec.ts)', (m) => void (m.person.nationalityRefs = []), 'person.nationalityRefs', FE.MISSING.code]],
  NRS: [
    ['a malformed response type', (m) => void (m.responseTypeRef = 'NRT-0'), 'responseTypeRef', FE.BAD_FORMAT.code],
    ['an invalid person, when given', (m) => void (m.person = { ...goldenFixture('NOT').person, nationalityRefs: [] }), 'person.nationalityRefs', FE.MISSING.code],
  ],
  REQ: [
    ['a malformed purpose category', (m) => void (m.purposeCategoryRef = 'P-1'), 'purposeCategoryRef', FE.BAD_FORMAT.code],
    ['no purpose text', (m) => void (m.purpose = []), 'purpose', FE.MISSING.code],
    ['a purpose over 400 characters', (m) => void (m.purpose = text('p'.repeat(401))), 'purpose[0].text', FE.TOO_LONG.code],
    ['an accused offence as NNNN NN', (m) => void (m.accusationOffenceCategoryRefs = ['0202 00']), 'accusationOffenceCategoryRefs[0]', FE.BAD_FORMAT.code],
    ['a malformed requesting authority type', (m) => void (m.requestingAuthority.typeRef = 'RAT-00-1'), 'requestingAuthority.typeRef', FE.BAD_FORMAT.code],
    ['no requesting authority name', (m) => void (m.requestingAuthority.name = []), 'requestingAuthority.name', FE.MISSING.code],
    ['a case reference over 50 characters', (m) => void (m.caseReferenceNumber = 'c'.repeat(51)), 'caseReferenceNumber', FE.TOO_LONG.code],
    ['a person without birth town', (m) => void (m.person.birthPlace.townName = []), 'person.birthPlace.townName', FE.MISSING.code],
  ],
  RDL: [
    ['a partial deadline', (m) => void (m.deadline = '2025-04'), 'deadline', FE.BAD_DATE.code],
    ['a deadline that is no date', (m) => void (m.deadline = '2025-02-30'), 'deadline', FE.BAD_DATE.code],
  ],
  RRS: [
    ['a malformed response type', (m) => void (m.responseTypeRef = 'RRT-1'), 'responseTypeRef', FE.BAD_FORMAT.code],
    ['a state name instead of a code', (m) => void (m.otherMemberStates = ['Belgium']), 'otherMemberStates[0]', FE.BAD_FORMAT.code],
    ['an offence category in a returned conviction', (m) => void (m.convictions[0].offences[0].commonCategoryRef = 'O-0202'), 'convictions[0].offences[0].commonCategoryRef', FE.BAD_FORMAT.code],
    ['a sanction in a returned conviction linked to a missing offence', (m) => void (m.convictions[0].sanctionToOffences[0].offenceIds[0] = 'O-00042'), 'convictions[0].sanctionToOffences[0].offenceIds[0]', FE.UNKNOWN_REFERENCE.code],
    ['a partial final date in a returned conviction', (m) => void (m.convictions[0].decisionFinalDate = '2025'), 'convictions[0].decisionFinalDate', FE.BAD_DATE.code],
  ],
  RAI: [
    ['nothing requested', (m) => void (m.informationRequested = []), 'informationRequested', FE.MISSING.code],
    ['an item this version does not know', (m) => void (m.informationRequested = ['Fingerprints', 'UNRECOGNISED']), 'informationRequested[1]', FE.NOT_ALLOWED.code],
    ['a malformed attachment id', (m) => void (m.binaryIdRequested = 'BA-1'), 'binaryIdRequested', FE.BAD_FORMAT.code],
  ],
  RAR: [
    ['a malformed response type', (m) => void (m.responseTypeRef = 'ART-01'), 'responseTypeRef', FE.BAD_FORMAT.code],
    ['a purpose over 400 characters', (m) => void (m.requestPurpose = text('p'.repeat(401))), 'requestPurpose[0].text', FE.TOO_LONG.code],
    ['a fingerprint file without a name', (m) => void (m.fingerprints!.fileName = ''), 'fingerprints.fileName', FE.MISSING.code],
  ],
  FEM: [
    ['no error', (m) => void (m.errors = []), 'errors', FE.MISSING.code],
    ['a malformed error code', (m) => void (m.errors[0].code = 'E-1'), 'errors[0].code', FE.BAD_FORMAT.code],
  ],
  CAN: [
    ['a phone number under 8 characters', (m) => void (m.contactPerson!.phone = '12345'), 'contactPerson.phone', FE.TOO_LONG.code],
    ['blank remarks', (m) => void (m.remarks = text('   ')), 'remarks[0].text', FE.MISSING.code],
  ],
  IAL: [['a message id of another type', (m) => void (m.header.messageId = 'GB-FR-NOT-000000000000009'), 'header.messageId', FE.HEADER_MISMATCH.code]],
};

describe.each(ECRIS_MESSAGE_TYPES.map((type) => [type]))('validateMessage %s', (type) => {
  it('passes the golden fixture', () => {
    expect(validateMessage(type, goldenFixture(type))).toEqual([]);
  });

  it.each((invalid[type] as Case<typeof type>[]).map(([name, breakIt, path, code]) => ({ name, breakIt, path, code })))(
    'fails on $name with $path $code',
    ({ breakIt, path, code }) => {
      expect(brief(failuresOf(type, breakIt))).toEqual([`${path} ${code}`]);
    },
  );
});

describe('validateMessage RRS with reference data', () => {
  it('refuses another member state that is not one', () => {
    const failures = failuresOf('RRS', (m) => void (m.otherMemberStates = ['XK']), { isMemberState: (code) => code !== 'XK' });
    expect(brief(failures)).toEqual([`otherMemberStates[0] ${FE.UNKNOWN_MEMBER_STATE.code}`]);
  });
});
