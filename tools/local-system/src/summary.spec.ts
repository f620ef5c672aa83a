import { ExchangeTally } from './exchange-counts';
import { formatSummary } from './summary';

describe('the live summary', () => {
  it('shows every process, the elapsed time and why anything was dead-lettered', () => {
    const tally = new ExchangeTally('GB');
    tally.add({ kind: 'dead-letter', group: 'ecris-exchange.request-in', errorCode: 'UNANSWERABLE_REQUEST', coordinates: 'x.dlq:0:0' });
    const text = formatSummary(tally.counts, 65_000);
    expect(text.split('\n')[0]).toBe('[01:05] exchanges');
    for (const label of ['court feed', 'NOTs out', 'NOTs in', 'requests in', 'requests out', 'dead-lettered']) expect(text).toContain(label);
    expect(text).toMatch(/dead-lettered\s+1 · ecris-exchange\.request-in UNANSWERABLE_REQUEST 1/);
    expect(formatSummary(tally.counts, 3_725_000, 'final counts').split('\n')[0]).toBe('[1:02:05] final counts');
  });
});
