/**
 * How the simulated member states answer what we send them on `ecris.outbound.v1`. Pure: the answer to a
 * message follows from the seed and the message alone (ids, times and the NRS/FEM/RAI choice included),
 * so a redelivered message gets the very same answer, which our services then drop as a duplicate.
 *
 *   NOT  -> NRS received (NRT-00-00); or, at the configured ratios, FEM (rejected) or RAI (more details wanted)
 *   RAR  -> NRS for the NOT the RAI was about: the details came, the notification is taken
 *   REQ  -> RDL (the date it will answer by), then RRS from the state's seeded register
 *   anything else (our NRS, FEM, RDL, RRS, RAI, CAN): nothing, as a real state would not answer it
 */
import {
  SchemaNames,
  type FunctionalError,
  type MessageHeader,
  type NotificationResponse,
  type Request,
  type RequestAdditionalInfo,
  type RequestDeadline,
  type RequestResponse,
} from '@ecris/contracts';
import { FUNCTIONAL_ERRORS, parseMessageId, type EcrisMessageType } from '@ecris/ecris-model';
import { deriveMeta, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import { UK, addDays, dateOf, header, messageIdFor } from '../ecris/ecris-parts';
import { randomFor } from '../random';
import { convictionsHeld } from './foreign-register';
import { GATEWAY_SOURCE, INBOUND_TOPIC } from './foreign-traffic';

export interface ReplyPolicy {
  readonly seed: string;
  /** Shares of our NOTs answered by a FEM and by an RAI; the rest get an NRS. */
  readonly rejectShare: number;
  readonly additionalInfoShare: number;
  /** Share of people a state's register holds convictions of. */
  readonly convictionShare: number;
}

/** What a consumed outbound message is: its record type, value and meta, as the codec decoded it. */
export interface SentMessage {
  readonly key: string;
  readonly schema: string;
  readonly value: { readonly header: MessageHeader } & Record<string, unknown>;
  readonly meta: EventMeta;
}

/** The gateway's memory of the RAIs it sent: an RAR names the RAI, the NRS must name the NOT. */
export interface AdditionalInfoMemory {
  remember(raiId: string, notId: string): void;
  notificationOf(raiId: string): string | undefined;
}

export function repliesTo(sent: SentMessage, policy: ReplyPolicy, memory: AdditionalInfoMemory): OutboundMessage[] {
  const id = parseMessageId(sent.value.header.messageId);
  // Only what we send to a member state is answered; a malformed id cannot be answered by anyone.
  if (!id || id.sender !== UK) return [];
  const reply = new Replier(sent, id.receiver, policy);
  switch (sent.schema) {
    case SchemaNames.notification:
      return answerNotification(reply, policy, memory);
    case SchemaNames.requestAdditionalInfoResponse: {
      const notification = memory.notificationOf(sent.value.header.responseTo ?? '');
      return notification ? [reply.acknowledge(notification)] : [];
    }
    case SchemaNames.request:
      return answerRequest(reply, sent.value as unknown as Omit<Request, 'meta'>, policy);
    default:
      return [];
  }
}

function answerNotification(reply: Replier, policy: ReplyPolicy, memory: AdditionalInfoMemory): OutboundMessage[] {
  const notId = reply.sent.value.header.messageId;
  const answer = randomFor(policy.seed, 'answer', notId).weighted({
    reject: policy.rejectShare,
    ask: policy.additionalInfoShare,
    acknowledge: Math.max(0, 1 - policy.rejectShare - policy.additionalInfoShare),
  });
  if (answer === 'acknowledge') return [reply.acknowledge(notId)];
  if (answer === 'reject') return [reply.reject()];
  const rai = reply.askForDetails();
  memory.remember((rai.value as RequestAdditionalInfo).header.messageId, notId);
  return [rai];
}

function answerRequest(reply: Replier, request: Omit<Request, 'meta'>, policy: ReplyPolicy): OutboundMessage[] {
  const asked = dateOf(new Date(request.header.timestamp));
  const convictions = convictionsHeld(policy.seed, reply.state, request.person, asked, policy.convictionShare);
  return [reply.deadline(addDays(asked, 28)), reply.answer(request, convictions)];
}

/** Builds the replies of one state to one message: ids derived from the message's, times from its time. */
class Replier {
  private readonly time: Date;

  constructor(
    readonly sent: SentMessage,
    readonly state: string,
    private readonly policy: ReplyPolicy,
  ) {
    this.time = new Date(sent.meta.time);
  }

  acknowledge(notId: string): OutboundMessage {
    const value: Omit<NotificationResponse, 'meta'> = {
      header: this.header('NRS', notId),
      contactPerson: null,
      remarks: [],
      person: null,
      responseTypeRef: 'NRT-00-00',
    };
    return this.message('nrs', SchemaNames.notificationResponse, value, 'uk.ecris.notification.acknowledged.v1');
  }

  reject(): OutboundMessage {
    const value: Omit<FunctionalError, 'meta'> = {
      header: this.header('FEM'),
      contactPerson: null,
      remarks: [],
      errors: [
        {
          code: FUNCTIONAL_ERRORS.MISSING.code,
          additionalInformation: [{ lang: 'en', translated: null, text: 'person.birthPlace.townName: the town of birth is required by our register' }],
        },
      ],
    };
    return this.message('fem', SchemaNames.functionalError, value, 'uk.ecris.functional-error.received.v1');
  }

  askForDetails(): OutboundMessage {
    const value: Omit<RequestAdditionalInfo, 'meta'> = {
      header: this.header('RAI'),
      contactPerson: null,
      remarks: [],
      informationRequested: ['FatherName', 'MotherName'],
      binaryIdRequested: null,
    };
    return this.message('rai', SchemaNames.requestAdditionalInfo, value, 'uk.ecris.additional-info.requested.v1');
  }

  deadline(date: string): OutboundMessage {
    const value: Omit<RequestDeadline, 'meta'> = { header: this.header('RDL'), contactPerson: null, remarks: [], deadline: date };
    return this.message('rdl', SchemaNames.requestDeadline, value, 'uk.ecris.request.deadline-given.v1');
  }

  answer(request: Omit<Request, 'meta'>, convictions: RequestResponse['convictions']): OutboundMessage {
    const value: Omit<RequestResponse, 'meta'> = {
      header: this.header('RRS'),
      contactPerson: null,
      remarks: [],
      person: request.person,
      convictions,
      otherMemberStates: [],
      responseTypeRef: 'RRT-00-00',
    };
    return this.message('rrs', SchemaNames.requestResponse, value, 'uk.ecris.request.answered.v1');
  }

  /** `responseTo` is the message answered: the one consumed, unless told otherwise (an NRS after an RAR). */
  private header(type: EcrisMessageType, responseTo = this.sent.value.header.messageId): MessageHeader {
    const id = messageIdFor(this.policy.seed, this.state, UK, type, responseTo);
    return header(id, this.time, this.state, UK, responseTo);
  }

  private message(step: string, schema: string, value: unknown, type: string): OutboundMessage {
    const meta = deriveMeta(this.sent.meta, { step: `ecris-gateway/${step}`, source: `${GATEWAY_SOURCE}/${this.state}`, type, time: this.sent.meta.time });
    return { topic: INBOUND_TOPIC, key: this.sent.key, schema, value, meta };
  }
}
