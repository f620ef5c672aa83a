import { SchemaNames } from '@ecris/contracts';
import { ExchangeTally, REGISTER_UPDATED_TOPIC, type CountedRecord, type ExchangeCounts } from './exchange-counts';

let sequence = 0;
function ecris(topic: string, schema: string, messageId: string, responseTo: string | null = null, extra: Record<string, unknown> = {}): CountedRecord {
  sequence += 1;
  return { kind: 'decoded', topic, eventId: `event-${sequence}`, schema, value: { header: { messageId, responseTo }, ...extra } };
}
const out = (schema: string, id: string, responseTo?: string, extra?: Record<string, unknown>) => ecris('ecris.outbound.v1', schema, id, responseTo, extra);
const inn = (schema: string, id: string, responseTo?: string, extra?: Record<string, unknown>) => ecris('ecris.inbound.v1', schema, id, responseTo, extra);
const plain = (topic: string, schema: string, value: Record<string, unknown> = {}): CountedRecord => ({ kind: 'decoded', topic, eventId: `event-${++sequence}`, schema, value });

/** Where one record lands in the counts: `section.field`. */
const CASES: [string, CountedRecord, string][] = [
  ['a conviction recorded', plain('courts.convictions.v1', SchemaNames.convictionRecorded), 'court.recorded'],
  ['a conviction amended', plain('courts.convictions.v1', SchemaNames.convictionAmended), 'court.amended'],
  ['a conviction removed', plain('courts.convictions.v1', SchemaNames.convictionRemoved), 'court.removed'],
  ['our NOT', out(SchemaNames.notification, 'GB-FR-NOT-000000000000001'), 'notificationsOut.sent'],
  ['their NRS received for our NOT', inn(SchemaNames.notificationResponse, 'FR-GB-NRS-000000000000001', 'GB-FR-NOT-000000000000001', { responseTypeRef: 'NRT-00-00' }), 'notificationsOut.acknowledged'],
  ['their FEM to our NOT', inn(SchemaNames.functionalError, 'FR-GB-FEM-000000000000001', 'GB-FR-NOT-000000000000001'), 'notificationsOut.rejected'],
  ['their RAI about our NOT', inn(SchemaNames.requestAdditionalInfo, 'FR-GB-RAI-000000000000001', 'GB-FR-NOT-000000000000001'), 'notificationsOut.additionalInfoAsked'],
  ['our RAR', out(SchemaNames.requestAdditionalInfoResponse, 'GB-FR-RAR-000000000000001', 'FR-GB-RAI-000000000000001'), 'notificationsOut.additionalInfoGiven'],
  ['their NOT', inn(SchemaNames.notification, 'FR-GB-NOT-000000000000002'), 'notificationsIn.received'],
  ['our NRS to their NOT', out(SchemaNames.notificationResponse, 'GB-FR-NRS-000000000000002', 'FR-GB-NOT-000000000000002'), 'notificationsIn.acknowledged'],
  ['our FEM to their NOT', out(SchemaNames.functionalError, 'GB-FR-FEM-000000000000002', 'FR-GB-NOT-000000000000002'), 'notificationsIn.rejected'],
  ['a foreign conviction on the register', plain(REGISTER_UPDATED_TOPIC, SchemaNames.registerUpdated, { convictingState: 'FR', change: 'CREATED' }), 'notificationsIn.onRegister'],
  ['a foreign conviction changed on the register', plain(REGISTER_UPDATED_TOPIC, SchemaNames.registerUpdated, { convictingState: 'FR', change: 'DELETED' }), 'notificationsIn.changedOnRegister'],
  ['a UK conviction on the register', plain(REGISTER_UPDATED_TOPIC, SchemaNames.registerUpdated, { convictingState: 'GB', change: 'CREATED' }), 'ukConvictionsOnRegister'],
  ['their REQ', inn(SchemaNames.request, 'FR-GB-REQ-000000000000003'), 'requestsIn.received'],
  ['our RDL', out(SchemaNames.requestDeadline, 'GB-FR-RDL-000000000000003', 'FR-GB-REQ-000000000000003'), 'requestsIn.deadlinesGiven'],
  ['our RRS', out(SchemaNames.requestResponse, 'GB-FR-RRS-000000000000003', 'FR-GB-REQ-000000000000003'), 'requestsIn.answered'],
  ['our RAI about their REQ', out(SchemaNames.requestAdditionalInfo, 'GB-FR-RAI-000000000000003', 'FR-GB-REQ-000000000000003'), 'requestsIn.additionalInfoAsked'],
  ['our FEM to their REQ', out(SchemaNames.functionalError, 'GB-FR-FEM-000000000000003', 'FR-GB-REQ-000000000000003'), 'requestsIn.rejected'],
  ['an agency request', plain('agency.requests.v1', SchemaNames.agencyRequest), 'requestsOut.agencyRequests'],
  ['our REQ', out(SchemaNames.request, 'GB-FR-REQ-000000000000004'), 'requestsOut.sent'],
  ['their RDL', inn(SchemaNames.requestDeadline, 'FR-GB-RDL-000000000000004', 'GB-FR-REQ-000000000000004'), 'requestsOut.deadlinesReceived'],
  ['their RRS', inn(SchemaNames.requestResponse, 'FR-GB-RRS-000000000000004', 'GB-FR-REQ-000000000000004'), 'requestsOut.answersReceived'],
  ['an answer to an agency', plain('agency.responses.v1', SchemaNames.agencyResponse), 'requestsOut.agencyAnswers'],
  ['a refusal of an agency request', plain('agency.responses.v1', SchemaNames.agencyRequestRejected), 'requestsOut.refused'],
];

function nonZero(counts: ExchangeCounts): string[] {
  const found: string[] = [];
  for (const [section, value] of Object.entries(counts)) {
    if (typeof value === 'number') {
      if (value > 0) found.push(section);
    } else if (section !== 'deadLettered') {
      for (const [field, count] of Object.entries(value as Record<string, number>)) if (count > 0) found.push(`${section}.${field}`);
    }
  }
  return found;
}

describe('the exchange counts', () => {
  it.each(CASES)('count %s once, in its place', (_, record, where) => {
    const tally = new ExchangeTally('GB');
    tally.add(record);
    tally.add(record); // the same ce_id again: a redelivery or a replay
    expect(nonZero(tally.counts)).toEqual([where]);
    expect(tally.counts.deadLettered.total).toBe(0);
  });

  it.each([
    ['an NRS reporting a problem', inn(SchemaNames.notificationResponse, 'FR-GB-NRS-000000000000005', 'GB-FR-NOT-000000000000001', { responseTypeRef: 'NRT-00-02' })],
    ['an NRS to a NOT someone else sent', inn(SchemaNames.notificationResponse, 'FR-GB-NRS-000000000000006', 'IE-FR-NOT-000000000000001', { responseTypeRef: 'NRT-00-00' })],
    ['our FEM to their RRS', out(SchemaNames.functionalError, 'GB-FR-FEM-000000000000007', 'FR-GB-RRS-000000000000004')],
    ['an internal topic', plain('exchange.translation.text-translated.v1', SchemaNames.textTranslated)],
  ])('count nothing for %s', (_, record) => {
    const tally = new ExchangeTally('GB');
    tally.add(record);
    expect(nonZero(tally.counts)).toEqual([]);
  });

  it('count dead letters by group and error code, each dead letter once', () => {
    const tally = new ExchangeTally('GB');
    const letter = (group: string, errorCode: string, offset: number): CountedRecord => ({ kind: 'dead-letter', group, errorCode, coordinates: `${group}.dlq:0:${offset}` });
    tally.add(letter('ecris-exchange.notification-in', 'UNDECODABLE_BODY', 0));
    tally.add(letter('ecris-exchange.notification-in', 'UNDECODABLE_BODY', 0));
    tally.add(letter('ecris-exchange.notification-in', 'PARKED', 1));
    tally.add(letter('ecris-exchange.request-in', 'UNDECODABLE_BODY', 0));
    expect(tally.counts.deadLettered).toEqual({
      total: 3,
      byGroup: { 'ecris-exchange.notification-in': 2, 'ecris-exchange.request-in': 1 },
      byCode: {
        'ecris-exchange.notification-in UNDECODABLE_BODY': 1,
        'ecris-exchange.notification-in PARKED': 1,
        'ecris-exchange.request-in UNDECODABLE_BODY': 1,
      },
    });
  });
});
