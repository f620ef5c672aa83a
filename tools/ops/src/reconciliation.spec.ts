import { reconcileNotifications, type NotificationAnswer, type SentNotification } from './reconciliation';

const dueOn = (_state: string, recordedOn: string) => (recordedOn === '2026-03-02' ? '2026-03-29' : 'unexpected');
const conviction = { convictionReference: 'C-1', eventId: 'ev-1', recordedOn: '2026-03-02', states: ['DE', 'FR'] };

function sent(receiver: string, time: string, overrides: Partial<SentNotification> = {}): SentNotification {
  const messageId = `GB-${receiver}-NOT-${time.slice(8, 10)}`;
  return { coordinates: `out:0:${time}`, causationId: 'ev-1', exchangeId: `X-${receiver}`, messageId, receiver, time, sentOn: time.slice(0, 10), ...overrides };
}

function answer(exchangeId: string, kind: 'NRS' | 'FEM', time: string, responseTo: string | null, responseType: string | null = null): NotificationAnswer {
  return { coordinates: `in:0:${time}`, exchangeId, kind, responseTo, responseType, time };
}

const statuses = (lines: ReturnType<typeof reconcileNotifications>) => lines.map((l) => `${l.state} ${l.status}${l.overdue ? ' OVERDUE' : ''}${l.late ? ' LATE' : ''}`);

describe('reconcileNotifications', () => {
  it.each([
    ['nothing sent, within the 28 days', [], [], '2026-03-29', ['DE MISSING', 'FR MISSING']],
    ['nothing sent, past the 28 days', [], [], '2026-03-30', ['DE MISSING OVERDUE', 'FR MISSING OVERDUE']],
    [
      'both sent, one acknowledged',
      [sent('DE', '2026-03-02T10:00:00Z'), sent('FR', '2026-03-02T10:00:00Z')],
      [answer('X-FR', 'NRS', '2026-03-03T10:00:00Z', 'GB-FR-NOT-02', 'NRT-00-00')],
      '2026-04-30',
      ['DE UNACKNOWLEDGED', 'FR ACKNOWLEDGED'],
    ],
    [
      'rejected by FEM, past the deadline',
      [sent('DE', '2026-03-02T10:00:00Z'), sent('FR', '2026-03-02T10:00:00Z')],
      [answer('X-FR', 'FEM', '2026-03-03T10:00:00Z', 'GB-FR-NOT-02'), answer('X-DE', 'NRS', '2026-03-03T10:00:00Z', 'GB-DE-NOT-02', 'NRT-00-02')],
      '2026-04-30',
      ['DE PROBLEM OVERDUE', 'FR REJECTED OVERDUE'],
    ],
    [
      'rejected, then re-sent in the same exchange and acknowledged',
      [sent('DE', '2026-03-02T10:00:00Z'), sent('FR', '2026-03-02T10:00:00Z'), sent('FR', '2026-03-05T10:00:00Z', { causationId: 'fix', exchangeId: 'X-FR' })],
      [
        answer('X-DE', 'NRS', '2026-03-03T10:00:00Z', 'GB-DE-NOT-02', 'NRT-00-00'),
        answer('X-FR', 'FEM', '2026-03-03T10:00:00Z', 'GB-FR-NOT-02'),
        answer('X-FR', 'NRS', '2026-03-06T10:00:00Z', 'GB-FR-NOT-05', 'NRT-00-00'),
      ],
      '2026-04-30',
      ['DE ACKNOWLEDGED', 'FR ACKNOWLEDGED'],
    ],
    [
      'sent after the due day',
      [sent('DE', '2026-03-30T10:00:00Z'), sent('FR', '2026-03-02T10:00:00Z')],
      [answer('X-DE', 'NRS', '2026-03-31T10:00:00Z', null, 'NRT-00-00'), answer('X-FR', 'NRS', '2026-03-03T10:00:00Z', null, 'NRT-00-00')],
      '2026-04-30',
      ['DE ACKNOWLEDGED LATE', 'FR ACKNOWLEDGED'],
    ],
  ])('%s', (_case, nots, answers, today, expected) => {
    expect(statuses(reconcileNotifications([conviction], nots, answers, today, dueOn))).toEqual(expected);
  });

  it('ignores a NOT caused by another event and an answer to another message', () => {
    const lines = reconcileNotifications(
      [conviction],
      [sent('DE', '2026-03-02T10:00:00Z', { causationId: 'other-event' }), sent('FR', '2026-03-02T10:00:00Z')],
      [answer('X-FR', 'FEM', '2026-03-03T10:00:00Z', 'GB-FR-NOT-99')],
      '2026-03-10',
      dueOn,
    );
    expect(statuses(lines)).toEqual(['DE MISSING', 'FR UNACKNOWLEDGED']);
  });
});
