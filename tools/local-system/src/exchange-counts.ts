/**
 * The live summary's counts, taken from the log itself: each record of the public topics, the register's
 * change log and every dead-letter topic counted by what it is (ECRIS message type, and what it answers).
 * Pure: records come in already decoded. A record seen twice (same ce_id: a redelivery, a replay) counts once.
 */
import { SchemaNames } from '@ecris/contracts';
import { parseMessageId } from '@ecris/ecris-model';

export interface ExchangeCounts {
  /** Process 1: court events in, NOTs out, and what the states answered. */
  court: { recorded: number; amended: number; removed: number };
  notificationsOut: { sent: number; acknowledged: number; rejected: number; additionalInfoAsked: number; additionalInfoGiven: number };
  /** Process 2: NOTs about UK nationals, our answers, and what reached the register. */
  notificationsIn: { received: number; acknowledged: number; rejected: number; onRegister: number; changedOnRegister: number };
  /** Process 4: other states' requests and our answers. */
  requestsIn: { received: number; deadlinesGiven: number; answered: number; additionalInfoAsked: number; rejected: number };
  /** Process 3: UK agencies' requests, our REQs, the states' answers, and what the agencies got back. */
  requestsOut: { agencyRequests: number; sent: number; deadlinesReceived: number; answersReceived: number; agencyAnswers: number; refused: number };
  /** UK convictions the register took from the court feed. */
  ukConvictionsOnRegister: number;
  /** Dead letters (parked records included) by consumer group, and by group and error code. */
  deadLettered: { total: number; byGroup: Record<string, number>; byCode: Record<string, number> };
}

export function emptyCounts(): ExchangeCounts {
  return {
    court: { recorded: 0, amended: 0, removed: 0 },
    notificationsOut: { sent: 0, acknowledged: 0, rejected: 0, additionalInfoAsked: 0, additionalInfoGiven: 0 },
    notificationsIn: { received: 0, acknowledged: 0, rejected: 0, onRegister: 0, changedOnRegister: 0 },
    requestsIn: { received: 0, deadlinesGiven: 0, answered: 0, additionalInfoAsked: 0, rejected: 0 },
    requestsOut: { agencyRequests: 0, sent: 0, deadlinesReceived: 0, answersReceived: 0, agencyAnswers: 0, refused: 0 },
    ukConvictionsOnRegister: 0,
    deadLettered: { total: 0, byGroup: {}, byCode: {} },
  };
}

/** A counted record: its canonical topic (namespace removed), and for decodable ones the record type and value. */
export type CountedRecord =
  | { readonly kind: 'decoded'; readonly topic: string; readonly eventId: string; readonly schema: string; readonly value: Record<string, unknown> }
  | { readonly kind: 'dead-letter'; readonly group: string; readonly errorCode: string; readonly coordinates: string };

export const REGISTER_UPDATED_TOPIC = 'register.register-update.register-updated.v1';

interface EcrisValue {
  header?: { messageId?: string; responseTo?: string | null };
  responseTypeRef?: string;
}

export class ExchangeTally {
  readonly counts: ExchangeCounts = emptyCounts();
  private readonly seen = new Set<string>();

  /** `ourState`: the ECRIS wire code we send as (GB), to tell our messages from other states'. */
  constructor(private readonly ourState: string) {}

  add(record: CountedRecord): void {
    const identity = record.kind === 'decoded' ? `${record.topic}|${record.eventId}` : `dlq|${record.coordinates}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    if (record.kind === 'dead-letter') return this.deadLetter(record.group, record.errorCode);
    switch (record.topic) {
      case 'courts.convictions.v1':
        return this.court(record.schema);
      case 'ecris.outbound.v1':
        return this.outbound(record.schema, record.value as EcrisValue);
      case 'ecris.inbound.v1':
        return this.inbound(record.schema, record.value as EcrisValue);
      case 'agency.requests.v1':
        if (record.schema === SchemaNames.agencyRequest) this.counts.requestsOut.agencyRequests += 1;
        return;
      case 'agency.responses.v1':
        if (record.schema === SchemaNames.agencyResponse) this.counts.requestsOut.agencyAnswers += 1;
        if (record.schema === SchemaNames.agencyRequestRejected) this.counts.requestsOut.refused += 1;
        return;
      case REGISTER_UPDATED_TOPIC:
        return this.register(record.value as { convictingState?: string; change?: string });
    }
  }

  private court(schema: string): void {
    const court = this.counts.court;
    if (schema === SchemaNames.convictionRecorded) court.recorded += 1;
    if (schema === SchemaNames.convictionAmended) court.amended += 1;
    if (schema === SchemaNames.convictionRemoved) court.removed += 1;
  }

  /** What we sent: NOTs and REQs we started, and our answers to what other states started. */
  private outbound(schema: string, value: EcrisValue): void {
    const answers = answeredType(value);
    const { notificationsOut, notificationsIn, requestsIn, requestsOut } = this.counts;
    switch (schema) {
      case SchemaNames.notification:
        notificationsOut.sent += 1;
        break;
      case SchemaNames.request:
        requestsOut.sent += 1;
        break;
      case SchemaNames.notificationResponse:
        notificationsIn.acknowledged += 1;
        break;
      case SchemaNames.requestDeadline:
        requestsIn.deadlinesGiven += 1;
        break;
      case SchemaNames.requestResponse:
        requestsIn.answered += 1;
        break;
      case SchemaNames.requestAdditionalInfo:
        if (answers === 'REQ') requestsIn.additionalInfoAsked += 1;
        break;
      case SchemaNames.requestAdditionalInfoResponse:
        notificationsOut.additionalInfoGiven += 1;
        break;
      case SchemaNames.functionalError:
        if (answers === 'NOT') notificationsIn.rejected += 1;
        if (answers === 'REQ') requestsIn.rejected += 1;
        break;
    }
  }

  /** What other states sent: their own NOTs and REQs, and their answers to ours. */
  private inbound(schema: string, value: EcrisValue): void {
    const answers = answeredType(value);
    const ours = parseMessageId(value.header?.responseTo ?? '')?.sender === this.ourState;
    const { notificationsOut, notificationsIn, requestsIn, requestsOut } = this.counts;
    switch (schema) {
      case SchemaNames.notification:
        notificationsIn.received += 1;
        break;
      case SchemaNames.request:
        requestsIn.received += 1;
        break;
      case SchemaNames.notificationResponse:
        if (ours && value.responseTypeRef === 'NRT-00-00') notificationsOut.acknowledged += 1;
        break;
      case SchemaNames.functionalError:
        if (ours && answers === 'NOT') notificationsOut.rejected += 1;
        break;
      case SchemaNames.requestAdditionalInfo:
        if (ours && answers === 'NOT') notificationsOut.additionalInfoAsked += 1;
        break;
      case SchemaNames.requestDeadline:
        if (ours) requestsOut.deadlinesReceived += 1;
        break;
      case SchemaNames.requestResponse:
        if (ours) requestsOut.answersReceived += 1;
        break;
    }
  }

  private register(value: { convictingState?: string; change?: string }): void {
    const foreign = value.convictingState !== this.ourState;
    if (value.change === 'CREATED') {
      if (foreign) this.counts.notificationsIn.onRegister += 1;
      else this.counts.ukConvictionsOnRegister += 1;
    } else if (foreign) {
      this.counts.notificationsIn.changedOnRegister += 1;
    }
  }

  private deadLetter(group: string, errorCode: string): void {
    const dead = this.counts.deadLettered;
    dead.total += 1;
    dead.byGroup[group] = (dead.byGroup[group] ?? 0) + 1;
    const code = `${group} ${errorCode}`;
    dead.byCode[code] = (dead.byCode[code] ?? 0) + 1;
  }
}

/** The ECRIS type of the message this one answers (NOT, REQ...), from its responseTo. */
function answeredType(value: EcrisValue): string | undefined {
  return parseMessageId(value.header?.responseTo ?? '')?.type;
}
