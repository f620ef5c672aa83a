import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaNames, type MessageHeader } from '@ecris/contracts';
import { ecrisMessageTypeOfSchema, validateMessage, type EcrisMessages } from '@ecris/ecris-model';
import { AvroCodec, SchemaArchive, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import { repliesTo, type AdditionalInfoMemory, type ReplyPolicy, type SentMessage } from './replies';

const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, 'uk/ecris/message/fixtures', `${name}.v1.json`), 'utf8')) as T;
}

/** Our message as the gateway consumes it: the golden fixture, with its own id. */
function sent(schema: string, name: string, messageId: string, responseTo: string | null = null): SentMessage {
  const value = fixture<{ header: MessageHeader; meta: EventMeta } & Record<string, unknown>>(name);
  value.header = { ...value.header, messageId, responseTo };
  return { key: messageId, schema, value, meta: { ...value.meta, id: `event-${messageId}` } };
}

function memory(): AdditionalInfoMemory & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, remember: (rai, not) => void entries.set(rai, not), notificationOf: (rai) => entries.get(rai) };
}

const policy = (overrides: Partial<ReplyPolicy> = {}): ReplyPolicy => ({
  seed: 'replies',
  rejectShare: 0,
  additionalInfoShare: 0,
  convictionShare: 0.5,
  ...overrides,
});

const typeOf = (reply: OutboundMessage) => (reply.value as { header: MessageHeader }).header.messageId.split('-')[2];
const headerOf = (reply: OutboundMessage) => (reply.value as { header: MessageHeader }).header;

function expectValidReply(reply: OutboundMessage, answering: string, sent: SentMessage): void {
  const type = ecrisMessageTypeOfSchema(reply.schema) as keyof EcrisMessages;
  const value = { ...(reply.value as object), meta: reply.meta } as EcrisMessages[typeof type];
  expect(validateMessage(type, value)).toEqual([]);
  expect(() => codec.encode(reply.schema, value)).not.toThrow();
  expect(headerOf(reply)).toMatchObject({ responseTo: answering, sender: 'FR', receiver: 'GB' });
  expect(reply).toMatchObject({ topic: 'ecris.inbound.v1', key: sent.key });
  expect(reply.meta).toMatchObject({ causationId: sent.meta.id, correlationId: sent.meta.correlationId, time: sent.meta.time });
}

describe('the gateway answers what we send', () => {
  const not = sent(SchemaNames.notification, 'Notification', 'GB-FR-NOT-000000000000101');

  it.each([
    ['NRS (received)', policy(), 'NRS'],
    ['FEM (rejected)', policy({ rejectShare: 1 }), 'FEM'],
    ['RAI (more details wanted)', policy({ additionalInfoShare: 1 }), 'RAI'],
  ])('answers a NOT with an %s as the policy says', (_, replyPolicy, type) => {
    const replies = repliesTo(not, replyPolicy, memory());
    expect(replies.map(typeOf)).toEqual([type]);
    expectValidReply(replies[0]!, not.value.header.messageId, not);
  });

  it('answers the same message the same way every time, byte for byte', () => {
    const mixed = policy({ rejectShare: 0.3, additionalInfoShare: 0.3 });
    expect(repliesTo(not, mixed, memory())).toEqual(repliesTo(not, mixed, memory()));
  });

  it('follows the configured shares over many NOTs', () => {
    const mixed = policy({ rejectShare: 0.2, additionalInfoShare: 0.1 });
    const types = Array.from({ length: 1000 }, (_, i) =>
      typeOf(repliesTo(sent(SchemaNames.notification, 'Notification', `GB-FR-NOT-${String(i).padStart(15, '0')}`), mixed, memory())[0]!),
    );
    const share = (type: string) => types.filter((t) => t === type).length / types.length;
    expect(share('FEM')).toBeCloseTo(0.2, 1);
    expect(share('RAI')).toBeCloseTo(0.1, 1);
    expect(share('NRS')).toBeCloseTo(0.7, 1);
  });

  it('acknowledges the NOT once our RAR gives the details its RAI asked for', () => {
    const remembered = memory();
    const [rai] = repliesTo(not, policy({ additionalInfoShare: 1 }), remembered);
    const raiId = headerOf(rai!).messageId;
    const rar = sent(SchemaNames.requestAdditionalInfoResponse, 'RequestAdditionalInfoResponse', 'GB-FR-RAR-000000000000102', raiId);
    const replies = repliesTo(rar, policy(), remembered);
    expect(replies.map(typeOf)).toEqual(['NRS']);
    expect(headerOf(replies[0]!).responseTo).toBe(not.value.header.messageId);
    // An RAR to an RAI the gateway does not know of (sent before a restart) is left unanswered.
    expect(repliesTo(rar, policy(), memory())).toEqual([]);
  });

  it('answers a REQ with the deadline, then the answer from its seeded register', () => {
    const req = sent(SchemaNames.request, 'Request', 'GB-FR-REQ-000000000000103');
    const replies = repliesTo(req, policy({ convictionShare: 1 }), memory());
    expect(replies.map(typeOf)).toEqual(['RDL', 'RRS']);
    for (const reply of replies) expectValidReply(reply, req.value.header.messageId, req);
    const answer = replies[1]!.value as EcrisMessages['RRS'];
    expect(answer.convictions.length).toBeGreaterThan(0);
    expect(answer.convictions.every((c) => c.convictionId.startsWith('FR-C-') && c.offences[0]!.nationalTitle[0]!.lang === 'fr')).toBe(true);
    expect(answer.person).toEqual(req.value.person);
    const none = repliesTo(req, policy({ convictionShare: 0 }), memory());
    expect((none[1]!.value as EcrisMessages['RRS']).convictions).toEqual([]);
  });

  it('answers nothing that a member state would not answer', () => {
    const ours = [
      sent(SchemaNames.notificationResponse, 'NotificationResponse', 'GB-FR-NRS-000000000000104', 'FR-GB-NOT-000000000000001'),
      sent(SchemaNames.functionalError, 'FunctionalError', 'GB-FR-FEM-000000000000105', 'FR-GB-NOT-000000000000001'),
      sent(SchemaNames.requestResponse, 'RequestResponse', 'GB-FR-RRS-000000000000106', 'FR-GB-REQ-000000000000001'),
      sent(SchemaNames.cancellation, 'Cancellation', 'GB-FR-CAN-000000000000107', 'GB-FR-NOT-000000000000101'),
    ];
    for (const message of ours) expect(repliesTo(message, policy(), memory())).toEqual([]);
    // Only what GB sends is answered: a message another state put on our outbound topic is not ours to answer.
    expect(repliesTo(sent(SchemaNames.notification, 'Notification', 'IE-FR-NOT-000000000000108'), policy(), memory())).toEqual([]);
  });
});
