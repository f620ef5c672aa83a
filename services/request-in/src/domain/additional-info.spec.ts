import type { RequestAdditionalInfoResponse } from '@ecris/contracts';
import { germanRequest } from '../testing/german-request';
import { testSerial, testSettings } from '../testing/settings';
import { personForSearch, receiveAdditionalInfo } from './additional-info';
import type { Reply } from './messages';

const requested = germanRequest(1n, { forename: 'Alan', surname: 'Testperson', birthDate: { year: 1980, month: 6, day: 15 } }).person;
const reply: Reply = { us: 'GB', to: 'DE', answering: 'DE-GB-RAR-000000000000003', timestamp: '2026-04-03T10:00:00Z', serial: testSerial };

function rar(person: RequestAdditionalInfoResponse['person']): RequestAdditionalInfoResponse {
  return {
    meta: {} as never,
    header: { messageId: 'DE-GB-RAR-000000000000003', timestamp: '2026-04-03T10:00:00Z', responseTo: 'GB-DE-RAI-000000000000002', sender: 'DE', receiver: 'GB' },
    contactPerson: null,
    remarks: [],
    person,
    requestPurpose: [],
    responseTypeRef: 'ART-00-00',
    fingerprints: null,
  };
}

describe('receiveAdditionalInfo', () => {
  it('searches again with the identity number the requester added, keeping what the request had', () => {
    const decision = receiveAdditionalInfo(rar({ ...requested, identityNumber: 'DE-ID-1', formerSurnames: [{ lang: null, text: 'Oldname' }] }), requested, testSettings(), reply);
    expect(decision.outcome).toBe('SEARCH_AGAIN');
    if (decision.outcome !== 'SEARCH_AGAIN') return;
    expect(decision.person.identityNumber).toBe('DE-ID-1');
    expect(decision.person.formerSurnames.map((n) => n.text)).toEqual(['Oldname']);
  });

  it('searches again with the request\'s own details when the information is not available', () => {
    const decision = receiveAdditionalInfo(rar(null), requested, testSettings(), reply);
    expect(decision).toEqual({ outcome: 'SEARCH_AGAIN', person: requested });
  });

  it('answers an invalid RAR with a FEM', () => {
    const broken = rar(null);
    broken.responseTypeRef = 'nonsense';
    expect(receiveAdditionalInfo(broken, requested, testSettings(), reply)).toMatchObject({ outcome: 'REJECTED', fem: { header: { responseTo: 'DE-GB-RAR-000000000000003' } } });
  });

  it('does not repeat names it already has', () => {
    const merged = personForSearch({ ...requested, formerSurnames: [{ lang: null, text: 'Same' }] }, { ...requested, formerSurnames: [{ lang: 'de', text: 'same ' }] });
    expect(merged.formerSurnames).toHaveLength(1);
  });
});
