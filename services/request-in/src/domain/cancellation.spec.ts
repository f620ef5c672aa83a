import type { Cancellation } from '@ecris/contracts';
import { testSerial, testSettings } from '../testing/settings';
import { decideCancellation, type RequestStatus } from './cancellation';

function can(responseTo: string | null, messageId = 'DE-GB-CAN-000000000000007'): Cancellation {
  return {
    meta: {} as never,
    header: { messageId, timestamp: '2026-04-03T10:00:00Z', responseTo, sender: messageId.slice(0, 2), receiver: 'GB' },
    contactPerson: null,
    remarks: [],
  };
}

describe('decideCancellation', () => {
  it.each<[string, Cancellation, RequestStatus | undefined, string, string | null]>([
    ['stops a request still waiting', can('DE-GB-REQ-000000000000001'), 'AWAITING_ADDITIONAL_INFO', 'CANCELLED', null],
    ['refuses once answered', can('DE-GB-REQ-000000000000001'), 'ANSWERED', 'REFUSED', 'ALREADY_ANSWERED'],
    ['refuses an unknown request', can('DE-GB-REQ-000000000000001'), undefined, 'REFUSED', 'UNKNOWN_REQUEST'],
    ['says nothing more after a cancellation', can('DE-GB-REQ-000000000000001'), 'CANCELLED', 'ALREADY_CLOSED', null],
    ['says nothing more after a FEM', can('DE-GB-REQ-000000000000001'), 'REJECTED', 'ALREADY_CLOSED', null],
    ['leaves the cancellation of an RRS to request-out', can('DE-GB-RRS-000000000000001'), undefined, 'NOT_OURS', null],
    ['leaves the cancellation of a NOT to notification-in', can('DE-GB-NOT-000000000000001'), undefined, 'NOT_OURS', null],
    ['refuses a CAN naming another sender\'s request', can('FR-GB-REQ-000000000000001'), undefined, 'REFUSED', 'INVALID'],
  ])('%s', (_name, cancellation, status, outcome, code) => {
    const decision = decideCancellation(cancellation, status, testSettings(), testSerial);
    expect(decision.outcome).toBe(outcome);
    if (decision.outcome === 'REFUSED') {
      expect(decision.code).toBe(code);
      expect(decision.fem.header).toMatchObject({ responseTo: 'DE-GB-CAN-000000000000007', sender: 'GB', receiver: 'DE' });
    }
  });
});
