import { deriveMeta, childTraceparent } from './derive-meta';
import { deterministicEventId, uuidV5 } from './deterministic-id';
import type { EventMeta } from './event-meta';
import { metaFromHeaders, metaToHeaders } from './headers';

const cause: EventMeta = {
  id: '4b2f7c1e-0000-4000-8000-000000000001',
  source: '/ecris-exchange/court-feed',
  type: 'uk.ecris.court.conviction-recorded.v1',
  time: '2026-11-29T10:00:00.000Z',
  subject: 'CONV-1',
  correlationId: 'CONV-1',
  causationId: null,
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};

describe('uuidV5', () => {
  it('matches the RFC example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same event id from the same input and step, and different ones otherwise', () => {
    expect(deterministicEventId('in-1', 'not/FR')).toBe(deterministicEventId('in-1', 'not/FR'));
    expect(deterministicEventId('in-1', 'not/FR')).not.toBe(deterministicEventId('in-1', 'not/IE'));
    expect(deterministicEventId('in-1', 'not/FR')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('deriveMeta', () => {
  it('keeps the exchange, points at its cause, and is the same on a replay', () => {
    const output = { step: 'not/FR', source: '/ecris-exchange/notification-out', type: 'uk.ecris.notification.sent.v1', time: '2026-11-29T10:00:01.000Z' };
    const meta = deriveMeta(cause, output);
    expect(meta).toMatchObject({ correlationId: 'CONV-1', causationId: cause.id, subject: 'CONV-1', source: output.source });
    expect(meta.id).toBe(deterministicEventId(cause.id, 'not/FR'));
    expect(deriveMeta(cause, output)).toEqual(meta);
    expect(meta.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
  });

  it('starts a trace when the cause has none', () => {
    expect(childTraceparent(null, deterministicEventId('x', 'y'))).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});

describe('CloudEvents headers', () => {
  it('round-trips the meta through binary-mode headers', () => {
    const headers = metaToHeaders(cause);
    expect(headers.ce_specversion.toString()).toBe('1.0');
    expect(headers['content-type'].toString()).toBe('application/avro');
    expect(headers.ce_correlationid.toString()).toBe('CONV-1');
    expect(metaFromHeaders(headers)).toEqual(cause);
  });

  it('omits absent optional attributes and reads them back as null', () => {
    const headers = metaToHeaders({ ...cause, subject: null, causationId: null, traceparent: null });
    expect(Object.keys(headers)).not.toContain('ce_causationid');
    expect(metaFromHeaders(headers)).toMatchObject({ subject: null, causationId: null, traceparent: null });
  });

  it('gives undefined when a required attribute is missing', () => {
    const { ce_id: _dropped, ...rest } = metaToHeaders(cause);
    expect(metaFromHeaders(rest)).toBeUndefined();
  });
});
