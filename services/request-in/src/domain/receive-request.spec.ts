import type { Request } from '@ecris/contracts';
import { validateMessage } from '@ecris/ecris-model';
import { germanRequest } from '../testing/german-request';
import { testSerial, testSettings } from '../testing/settings';
import { receiveRequest } from './receive-request';

const person = { forename: 'Alan', surname: 'Testperson', birthDate: { year: 1980, month: 6, day: 15 } };
const req = (mutate: (r: Request) => void = () => undefined, purpose?: string) => {
  const request = { ...germanRequest(1n, person, purpose), meta: {} } as Request;
  mutate(request);
  return request;
};

describe('receiveRequest', () => {
  it('accepts a valid REQ: an RDL with 20 UK working days beginning with the day of receipt', () => {
    // Received on the Thursday before Easter 2026: Good Friday and Easter Monday do not count.
    const intake = receiveRequest(req(), '2026-04-02T09:15:00.000Z', testSettings(), testSerial);
    expect(intake.outcome).toBe('ACCEPTED');
    if (intake.outcome !== 'ACCEPTED') return;
    expect(intake.deadline.dueDate).toBe('2026-05-01');
    expect(intake.deadline.rule.id).toBe('request-in/tca');
    expect(intake.rdl.deadline).toBe('2026-05-01');
    expect(intake.rdl.header).toMatchObject({ sender: 'GB', receiver: 'DE', responseTo: 'DE-GB-REQ-000000000000001' });
    expect(intake.rdl.header.messageId).toMatch(/^GB-DE-RDL-\d{15}$/);
    expect(intake.purpose).toMatchObject({ allowed: true, purpose: 'criminal-proceedings' });
    expect(intake.ukNational).toBe(true);
    expect(validateMessage('RDL', { ...intake.rdl, meta: {} } as never)).toEqual([]);
  });

  it('takes the day of receipt in UK time: 23:30 UTC in summer is the next day', () => {
    const intake = receiveRequest(req(), '2025-06-30T23:30:00Z', testSettings(), testSerial);
    expect(intake.outcome === 'ACCEPTED' && intake.deadline.startDate).toBe('2025-07-01');
  });

  it('rejects an invalid REQ with a FEM naming the field, never the value', () => {
    const intake = receiveRequest(req((r) => (r.purpose = [])), '2026-04-02T09:15:00Z', testSettings(), testSerial);
    expect(intake.outcome).toBe('REJECTED');
    if (intake.outcome !== 'REJECTED') return;
    expect(intake.fem.header).toMatchObject({ sender: 'GB', receiver: 'DE', responseTo: 'DE-GB-REQ-000000000000001' });
    expect(intake.fem.errors[0]!.additionalInformation[0]!.text).toMatch(/^purpose/);
    expect(validateMessage('FEM', { ...intake.fem, meta: {} } as never)).toEqual([]);
  });

  it('rejects a REQ addressed to another state', () => {
    const intake = receiveRequest(
      req((r) => (r.header = { ...r.header, messageId: 'DE-FR-REQ-000000000000001', receiver: 'FR' })),
      '2026-04-02T09:15:00Z',
      testSettings(),
      testSerial,
    );
    expect(intake.outcome === 'REJECTED' && intake.failures.map((f) => f.path)).toContain('header.receiver');
  });

  it('cannot answer a REQ whose sender is not an ECRIS state', () => {
    const intake = receiveRequest(req((r) => (r.header = { ...r.header, sender: 'US', messageId: 'US-GB-REQ-000000000000001' })), '2026-04-02T09:15:00Z', testSettings(), testSerial);
    expect(intake.outcome).toBe('UNANSWERABLE');
  });

  it('still accepts a purpose it may not answer (the denial is the answer), and a non-UK national', () => {
    const intake = receiveRequest(
      req((r) => (r.person.nationalityRefs = ['CO-00-250-FRA']), 'P-00-004000'),
      '2026-04-02T09:15:00Z',
      testSettings(),
      testSerial,
    );
    expect(intake).toMatchObject({ outcome: 'ACCEPTED', ukNational: false, purpose: { allowed: false, code: 'NOT_A_UK_NATIONAL' } });
  });
});
