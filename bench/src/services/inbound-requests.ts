import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaNames, type EventMeta, type Request } from '@ecris/contracts';
import { metaToHeaders, type AvroCodec, type RawOutboundRecord } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import { syntheticSurname } from './synthetic-names';

const FIXTURE = JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, 'uk', 'ecris', 'message', 'fixtures', 'Request.v1.json'), 'utf8')) as Request;

const SENDERS = ['DE', 'FR', 'ES', 'IT', 'PL', 'NL'];

export interface InboundRequest {
  readonly messageId: string;
  readonly record: RawOutboundRecord;
}

/**
 * A REQ from a member state to the UK, as the ECRIS gateway puts it on ecris.inbound.v1 (keyed by its
 * ECRIS id): the golden fixture turned round, about a UK national whose surname nobody on the register
 * has, for criminal proceedings (the one purpose code request-in's default table maps).
 */
export function inboundRequest(codec: AvroCodec, topic: string, index: number, serialBase: bigint, receivedAt: Date): InboundRequest {
  const sender = SENDERS[index % SENDERS.length]!;
  const messageId = `${sender}-GB-REQ-${(serialBase + BigInt(index)).toString().padStart(15, '0')}`;
  const time = receivedAt.toISOString();
  const meta: EventMeta = {
    id: randomUUID(),
    source: '/ecris-gateway',
    type: 'uk.ecris.message.received.v1',
    time,
    subject: null,
    correlationId: messageId,
    causationId: null,
    traceparent: null,
  };
  const value: Request = {
    ...FIXTURE,
    meta,
    header: { messageId, timestamp: `${time.slice(0, 19)}Z`, responseTo: null, sender, receiver: 'GB' },
    contactPerson: null,
    person: {
      ...FIXTURE.person,
      name: { forename: { lang: null, text: 'Sam' }, surname: { lang: null, text: syntheticSurname(index) }, secondSurname: null, fullName: null },
      birthDate: { year: 1990, month: 5, day: 17 },
      birthPlace: { countryRef: 'CO-00-826-GBR', subdivisionRef: null, townRef: null, townName: [{ lang: 'en', translated: false, text: 'Leeds' }] },
      nationalityRefs: ['CO-00-826-GBR'],
      formerSurnames: [],
      father: null,
      identityNumber: null,
      identificationDocuments: [],
      addresses: [],
      aliases: [],
    },
    purposeCategoryRef: 'P-00-001000',
    requestingAuthority: { typeRef: 'RAT-00-A', code: null, name: [{ lang: 'en', translated: null, text: 'Public prosecutor' }] },
    caseReferenceNumber: `BENCH-${index}`,
  };
  return { messageId, record: { topic, key: messageId, value: codec.encode(SchemaNames.request, value), headers: metaToHeaders(meta) } };
}
