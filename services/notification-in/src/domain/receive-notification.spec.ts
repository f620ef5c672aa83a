import type { Notification } from '@ecris/contracts';
import { spanishNotification } from '../testing/spanish-notification';
import { isOurNational } from './nationality';
import { receiveNotification, type ReceptionSettings } from './receive-notification';

const SETTINGS: ReceptionSettings = {
  ourState: 'GB',
  ourNationalityRefs: new Set(['CO-00-826-GBR']),
  acknowledgedResponseType: 'NRT-00-00',
  notANationalResponseType: 'NRT-00-02',
  validation: { isMemberState: (code) => ['ES', 'FR', 'GB', 'IE', 'DE'].includes(code) },
};
const TIME = '2025-03-04T10:15:00.000Z';
const serial = (step: string) => (step === 'nrs' ? 11n : 22n);

function receive(change: (n: Notification) => void = () => undefined) {
  const notification = spanishNotification(1);
  change(notification);
  return receiveNotification(notification, SETTINGS, serial, TIME);
}

describe('isOurNational', () => {
  it.each([
    ['a UK national', ['CO-00-826-GBR'], true],
    ['a UK and Spanish dual national', ['CO-00-724-ESP', 'CO-00-826-GBR'], true],
    ['a Spanish national', ['CO-00-724-ESP'], false],
    ['a French and Irish dual national', ['CO-00-250-FRA', 'CO-00-372-IRL'], false],
    ['nobody (no nationality)', [], false],
  ])('%s: %s', (_name, refs, expected) => {
    expect(isOurNational(refs, SETTINGS.ourNationalityRefs)).toBe(expected);
  });

  it('is decided on the person, not on an alias', () => {
    const reception = receive((n) => {
      n.person.nationalityRefs = ['CO-00-724-ESP'];
      n.person.aliases[0].nationalityRefs = ['CO-00-826-GBR'];
    });
    expect(reception.outcome).toBe('NOT_A_NATIONAL');
  });
});

describe('receiveNotification', () => {
  it('acknowledges a valid notification about a UK national with NRT-00-00 and asks for its English rendering', () => {
    const reception = receive();
    if (reception.outcome === 'UNANSWERABLE') throw new Error('expected an answer');
    expect(reception.outcome).toBe('ACKNOWLEDGED');
    expect(reception.reply).toEqual({
      type: 'NRS',
      value: {
        header: { messageId: 'GB-ES-NRS-000000000000011', timestamp: TIME, responseTo: 'ES-GB-NOT-000000000000001', sender: 'GB', receiver: 'ES' },
        contactPerson: null,
        remarks: [],
        person: null,
        responseTypeRef: 'NRT-00-00',
      },
    });
    expect(reception.translation).toMatchObject({
      translationId: 'TR-ES-GB-NOT-000000000000001',
      sourceMessageId: 'ES-GB-NOT-000000000000001',
      targetLang: 'en',
      items: [],
      messageType: 'NOT',
      senderState: 'ES',
      sentAt: '2025-03-04T10:14:00Z',
      updatedConvictionReference: null,
    });
    expect(reception.translation?.convictions.map((c) => c.convictionId)).toEqual(['ES-C-000000000000001']);
  });

  it('passes an update on with the conviction it updates', () => {
    const reception = receive((n) => {
      n.updatedConvictionReference = { ecrisConvictionId: 'ES-C-000000000000009', njrConvictionReference: null, externalConviction: null };
    });
    if (reception.outcome === 'UNANSWERABLE') throw new Error('expected an answer');
    expect(reception.translation?.updatedConvictionReference?.ecrisConvictionId).toBe('ES-C-000000000000009');
  });

  it('answers a notification about someone who is not a UK national with the problem code and sends nothing on', () => {
    const reception = receive((n) => void (n.person.nationalityRefs = ['CO-00-724-ESP']));
    if (reception.outcome === 'UNANSWERABLE') throw new Error('expected an answer');
    expect(reception.outcome).toBe('NOT_A_NATIONAL');
    expect(reception.translation).toBeNull();
    expect(reception.reply.type).toBe('NRS');
    expect(reception.reply.value).toMatchObject({ responseTypeRef: 'NRT-00-02', header: { messageId: 'GB-ES-NRS-000000000000011' } });
    expect(JSON.stringify(reception.reply.value.remarks)).not.toMatch(/Jean|Exemple/);
  });

  describe('a notification that fails validation gets a FEM with each error code and field path', () => {
    it.each<[string, (n: Notification) => void, string, string]>([
      ['no nationality', (n) => void (n.person.nationalityRefs = []), 'person.nationalityRefs', 'FE-90001'],
      ['a malformed offence category', (n) => void (n.conviction.offences[1].commonCategoryRef = 'O-2'), 'conviction.offences[1].commonCategoryRef', 'FE-90003'],
      ['a partial conviction date', (n) => void (n.conviction.decisionDate = '2025-02'), 'conviction.decisionDate', 'FE-90004'],
      ['a ResponseTo on a NOT', (n) => void (n.header.responseTo = 'GB-ES-NRS-000000000000001'), 'header.responseTo', 'FE-90011'],
      ['a NOT meant for another state', (n) => {
        n.header.receiver = 'FR';
        n.header.messageId = 'ES-FR-NOT-000000000000001';
      }, 'header.receiver', 'FE-90009'],
    ])('%s', (_name, breakIt, path, code) => {
      const reception = receive(breakIt);
      if (reception.outcome === 'UNANSWERABLE') throw new Error('expected an answer');
      expect(reception.outcome).toBe('REJECTED');
      expect(reception.translation).toBeNull();
      expect(reception.reply.type).toBe('FEM');
      if (reception.reply.type !== 'FEM') return;
      expect(reception.reply.value.header).toEqual({
        messageId: `GB-ES-FEM-000000000000022`,
        timestamp: TIME,
        responseTo: reception.reply.value.header.responseTo,
        sender: 'GB',
        receiver: 'ES',
      });
      expect(reception.reply.value.header.responseTo).toMatch(/^ES-(GB|FR)-NOT-000000000000001$/);
      const errors = reception.reply.value.errors.map((e) => [e.code, e.additionalInformation[0]?.text.split(':')[0]]);
      expect(errors).toContainEqual([code, path]);
    });
  });

  it('rejects a wrong nationality reference format before deciding nationality', () => {
    const reception = receive((n) => void (n.person.nationalityRefs = ['GB']));
    expect(reception.outcome).toBe('REJECTED');
  });

  it.each<[string, (n: Notification) => void]>([
    ['a message id without ECRIS format', (n) => void (n.header.messageId = 'not-an-id')],
    ['a sender that is no member state code', (n) => void (n.header.sender = 'spain')],
  ])('cannot answer %s: nobody to send a FEM to', (_name, breakIt) => {
    expect(receive(breakIt).outcome).toBe('UNANSWERABLE');
  });
});
