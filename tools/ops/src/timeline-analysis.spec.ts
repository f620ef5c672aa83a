import { SchemaNames } from '@ecris/contracts';
import type { AuditRow } from './audit-index';
import { analyseExchange, type EcrisHeader } from './timeline-analysis';

const NS = 'ns.';
let offset = 0;

/** A row as the audit index holds it; times a second apart in the order given unless said. */
function row(topic: string, valueSchema: string | null, overrides: Partial<AuditRow> = {}): AuditRow {
  offset += 1;
  return {
    topic: `${NS}${topic}`,
    partition: 0,
    offset: String(offset),
    recordTime: new Date(Date.UTC(2026, 2, 1, 10, 0, offset)).toISOString(),
    key: 'X',
    correlationId: 'X',
    ceId: `id-${offset}`,
    ceType: 't',
    ceTime: null,
    ceSource: '/s',
    ceSubject: null,
    causationId: null,
    valueSchema,
    replayId: null,
    replayOf: null,
    replayOfOriginal: null,
    replayBy: null,
    dlq: null,
    ...overrides,
  };
}

const out = (schema: string, o: Partial<AuditRow> = {}) => row('ecris.outbound.v1', schema, o);
const inn = (schema: string, o: Partial<AuditRow> = {}) => row('ecris.inbound.v1', schema, o);

describe('analyseExchange', () => {
  it('lists the steps of an exchange that went through notification-in, translation and register-update, with no gap', () => {
    const not = inn(SchemaNames.notification);
    const nrs = out(SchemaNames.notificationResponse, { causationId: not.ceId });
    const requested = row('exchange.notification-in.translation-requested.v1', SchemaNames.translationRequested, { causationId: not.ceId });
    const translated = row('exchange.translation.text-translated.v1', SchemaNames.textTranslated, { causationId: requested.ceId });
    const updated = row('register.register-update.register-updated.v1', SchemaNames.registerUpdated, { causationId: translated.ceId });
    const story = analyseExchange([updated, translated, nrs, requested, not], NS);
    expect(story.steps.map((s) => s.type)).toEqual(['NOT', 'NRS', 'TranslationRequested', 'TextTranslated', 'RegisterUpdated']);
    expect(story.steps[0].topic).toBe('ecris.inbound.v1');
    expect(story.gaps).toEqual([]);
    expect(story.errors).toBe(0);
  });

  it('orders records of the same millisecond cause first', () => {
    const time = '2026-03-01T10:00:00.000Z';
    const not = inn(SchemaNames.notification, { recordTime: time, topic: `${NS}zz.topic` });
    const nrs = out(SchemaNames.notificationResponse, { recordTime: time, causationId: not.ceId });
    expect(analyseExchange([nrs, not], NS).steps.map((s) => s.row.ceId)).toEqual([not.ceId, nrs.ceId]);
  });

  it.each([
    ['a NOT sent with no NRS', [() => out(SchemaNames.notification)], ['GAP: NOT sent']],
    ['a NOT received that we never answered', [() => inn(SchemaNames.notification)], ['GAP: NOT received']],
    ['a REQ sent with only an RDL', [() => out(SchemaNames.request), () => inn(SchemaNames.requestDeadline)], ['with no final RRS received']],
    ['a REQ sent and answered', [() => out(SchemaNames.request), () => inn(SchemaNames.requestDeadline), () => inn(SchemaNames.requestResponse)], []],
    ['a NOT sent and cancelled', [() => out(SchemaNames.notification), () => out(SchemaNames.cancellation)], []],
    ['two NOTs and one NRS', [() => out(SchemaNames.notification), () => out(SchemaNames.notification), () => inn(SchemaNames.notificationResponse)], ['GAP: NOT sent']],
  ])('finds the gaps of %s', (_case, makers, expected) => {
    const story = analyseExchange(makers.map((make) => make()), NS);
    expect(story.gaps.map((g) => g.text)).toEqual(expected.map((text) => expect.stringContaining(text)));
  });

  it('pairs answers by ECRIS id when the values were decoded', () => {
    const first = out(SchemaNames.notification);
    const second = out(SchemaNames.notification);
    const nrs = inn(SchemaNames.notificationResponse);
    const headers = new Map<string, EcrisHeader>([
      [`${first.topic}:0:${first.offset}`, { messageId: 'GB-FR-NOT-1', responseTo: null }],
      [`${second.topic}:0:${second.offset}`, { messageId: 'GB-FR-NOT-2', responseTo: null }],
      [`${nrs.topic}:0:${nrs.offset}`, { messageId: 'FR-GB-NRS-1', responseTo: 'GB-FR-NOT-2' }],
    ]);
    const story = analyseExchange([first, second, nrs], NS, headers);
    expect(story.gaps.map((g) => g.step)).toEqual([`${first.topic}:0:${first.offset}`]);
  });

  it('marks a rejection by FEM, a dead letter, a parked record and their replays as errors, and a replayed copy is no new message', () => {
    const not = out(SchemaNames.notification);
    const fem = inn(SchemaNames.functionalError);
    const dlq = row('ecris-exchange.notification-out.dlq', SchemaNames.functionalError, {
      dlq: { group: 'g', errorClass: 'business', errorCode: 'UNKNOWN', errorMessage: null, originalTopic: fem.topic, originalPartition: 0, originalOffset: fem.offset, parkedBehind: null },
      ceId: fem.ceId,
    });
    const dlqCoordinates = `${dlq.topic}:0:${dlq.offset}`;
    const parked = row('ecris-exchange.notification-out.dlq', SchemaNames.notificationResponse, {
      dlq: { group: 'g', errorClass: 'parked', errorCode: 'PARKED_BEHIND_DEAD_LETTER', errorMessage: null, originalTopic: null, originalPartition: null, originalOffset: null, parkedBehind: `${fem.topic}:0:${fem.offset}` },
    });
    const replay = inn(SchemaNames.functionalError, { ceId: fem.ceId, replayOf: dlqCoordinates, replayBy: 'OPS-1' });
    const story = analyseExchange([not, fem, dlq, parked, replay], NS);
    expect(story.errors).toBe(2);
    expect(story.gaps).toEqual([]);
    const marks = Object.fromEntries(story.steps.map((s) => [s.coordinates, s.marks.join('; ')]));
    expect(marks[`${not.topic}:0:${not.offset}`]).toMatch(/^REJECTED by FEM/);
    expect(marks[dlqCoordinates]).toBe(`DEAD LETTER of g: business/UNKNOWN; replayed 1x (${replay.topic}:0:${replay.offset})`);
    expect(marks[`${parked.topic}:0:${parked.offset}`]).toMatch(/^PARKED by g behind .*; not replayed$/);
    expect(marks[`${replay.topic}:0:${replay.offset}`]).toBe(`replay of ${dlqCoordinates} by OPS-1`);
  });
});
