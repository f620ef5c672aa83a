import { brief, failuresOf } from '../testing/fixtures';
import { FUNCTIONAL_ERRORS as FE } from './functional-errors';
import type { EcrisMessages } from './validate-message';

type Header = EcrisMessages['NOT']['header'];

const cases: [string, keyof EcrisMessages, (h: Header) => void, string, string][] = [
  ['a malformed message id', 'NOT', (h) => void (h.messageId = 'GB-FR-NOT-123'), 'header.messageId', FE.BAD_FORMAT.code],
  ['a message id of another type', 'NOT', (h) => void (h.messageId = 'GB-FR-REQ-000000000000001'), 'header.messageId', FE.HEADER_MISMATCH.code],
  ['a sender the id does not name', 'NOT', (h) => void (h.sender = 'IE'), 'header.sender', FE.HEADER_MISMATCH.code],
  ['a receiver the id does not name', 'REQ', (h) => void (h.receiver = 'DE'), 'header.receiver', FE.HEADER_MISMATCH.code],
  ['a lower-case state', 'IAL', (h) => void (h.receiver = 'fr'), 'header.receiver', FE.BAD_FORMAT.code],
  ['a timestamp that is no ISO 8601 date-time', 'RDL', (h) => void (h.timestamp = '04/03/2025 10:15'), 'header.timestamp', FE.BAD_DATE.code],
  ['ResponseTo on a NOT, which starts a transaction', 'NOT', (h) => void (h.responseTo = 'FR-GB-NOT-000000000000001'), 'header.responseTo', FE.NOT_ALLOWED.code],
  ['ResponseTo on an IAL', 'IAL', (h) => void (h.responseTo = 'FR-GB-IAL-000000000000001'), 'header.responseTo', FE.NOT_ALLOWED.code],
  ['no ResponseTo on an NRS', 'NRS', (h) => void (h.responseTo = null), 'header.responseTo', FE.MISSING.code],
  ['no ResponseTo on a CAN', 'CAN', (h) => void (h.responseTo = null), 'header.responseTo', FE.MISSING.code],
  ['a malformed ResponseTo', 'RRS', (h) => void (h.responseTo = 'GB-FR-REQ-2'), 'header.responseTo', FE.BAD_FORMAT.code],
  ['an NRS answering a REQ', 'NRS', (h) => void (h.responseTo = 'GB-FR-REQ-000000000000001'), 'header.responseTo', FE.HEADER_MISMATCH.code],
  ['an RRS answering a NOT', 'RRS', (h) => void (h.responseTo = 'GB-FR-NOT-000000000000001'), 'header.responseTo', FE.HEADER_MISMATCH.code],
  ['an RAR answering a REQ', 'RAR', (h) => void (h.responseTo = 'FR-GB-REQ-000000000000005'), 'header.responseTo', FE.HEADER_MISMATCH.code],
  ['a CAN of an RDL (only REQ, RRS, NOT, NRS can be cancelled)', 'CAN', (h) => void (h.responseTo = 'GB-FR-RDL-000000000000001'), 'header.responseTo', FE.HEADER_MISMATCH.code],
  ['an answer to a message between other states', 'NRS', (h) => void (h.responseTo = 'GB-DE-NOT-000000000000001'), 'header.responseTo', FE.HEADER_MISMATCH.code],
  ['an answer to our own message going the same way', 'FEM', (h) => void (h.responseTo = 'GB-FR-NOT-000000000000099'), 'header.responseTo', FE.HEADER_MISMATCH.code],
  ['a CAN of a message the other state sent', 'CAN', (h) => void (h.responseTo = 'FR-GB-NOT-000000000000001'), 'header.responseTo', FE.HEADER_MISMATCH.code],
];

describe('validateMessage header rules', () => {
  it.each(cases)('fails on %s (%s)', (_name, type, breakIt, path, code) => {
    expect(brief(failuresOf(type, (m) => breakIt(m.header)))).toEqual([`${path} ${code}`]);
  });

  it('accepts an FEM answering any message type the other state sent us', () => {
    for (const type of ['REQ', 'RDL', 'NOT', 'RAI', 'RAR', 'CAN', 'RRS', 'NRS', 'FEM']) {
      expect(failuresOf('FEM', (m) => void (m.header.responseTo = `FR-GB-${type}-000000000000001`))).toEqual([]);
    }
  });

  it('refuses a state that is not an ECRIS member state when reference data is given', () => {
    const isMemberState = (code: string) => code !== 'US';
    const failures = failuresOf(
      'NOT',
      (m) => {
        m.header.messageId = 'GB-US-NOT-000000000000001';
        m.header.receiver = 'US';
      },
      { isMemberState },
    );
    expect(brief(failures)).toEqual([`header.receiver ${FE.UNKNOWN_MEMBER_STATE.code}`]);
  });

  it('refuses a message addressed to its own sender', () => {
    const failures = failuresOf('IAL', (m) => {
      m.header.messageId = 'GB-GB-IAL-000000000000009';
      m.header.receiver = 'GB';
    });
    expect(brief(failures)).toEqual([`header.receiver ${FE.HEADER_MISMATCH.code}`]);
  });
});
