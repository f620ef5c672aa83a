import type {
  AdditionalInformationItem,
  Conviction,
  FunctionalError,
  FunctionalErrorItem,
  MessageHeader,
  Person,
  RequestAdditionalInfo,
  RequestDeadline,
  RequestResponse,
  TextRepresentation,
} from '@ecris/contracts';
import { formatMessageId, type EcrisMessageType } from '@ecris/ecris-model';
import type { ReplySerial } from './settings';

/** ECRIS values as we send them; the handler adds the meta. */
export type Outgoing<T> = Omit<T, 'meta'>;

/** Who a reply goes to and what it answers. Times come from the input (a replay sends the same bytes). */
export interface Reply {
  readonly us: string;
  readonly to: string;
  readonly answering: string;
  readonly timestamp: string;
  readonly serial: ReplySerial;
}

/** The step names fix our message ids: one RDL, one final RRS, one RAI per request. */
export const STEPS = { rdl: 'rdl', rrs: 'rrs', rai: 'rai', fem: 'fem' } as const;

function header(reply: Reply, type: EcrisMessageType, step: string): MessageHeader {
  return {
    messageId: formatMessageId({ sender: reply.us, receiver: reply.to, type, serial: reply.serial(step) }),
    timestamp: reply.timestamp,
    responseTo: reply.answering,
    sender: reply.us,
    receiver: reply.to,
  };
}

export function english(text: string, max = 4000): TextRepresentation[] {
  return [{ lang: 'en', translated: null, text: text.slice(0, max) }];
}

export function deadlineMessage(reply: Reply, dueOn: string): Outgoing<RequestDeadline> {
  return { header: header(reply, 'RDL', STEPS.rdl), contactPerson: null, remarks: [], deadline: dueOn };
}

export function responseMessage(
  reply: Reply,
  answer: { person: Person; responseTypeRef: string; convictions: readonly Conviction[]; remarks: string | null },
): Outgoing<RequestResponse> {
  return {
    header: header(reply, 'RRS', STEPS.rrs),
    contactPerson: null,
    remarks: answer.remarks ? english(answer.remarks) : [],
    person: answer.person,
    convictions: [...answer.convictions],
    otherMemberStates: [],
    responseTypeRef: answer.responseTypeRef,
  };
}

export function additionalInfoMessage(reply: Reply, items: readonly AdditionalInformationItem[], remarks: string): Outgoing<RequestAdditionalInfo> {
  return {
    header: header(reply, 'RAI', STEPS.rai),
    contactPerson: null,
    remarks: english(remarks),
    informationRequested: [...items],
    binaryIdRequested: null,
  };
}

export function functionalErrorMessage(reply: Reply, errors: readonly FunctionalErrorItem[]): Outgoing<FunctionalError> {
  return { header: header(reply, 'FEM', STEPS.fem), contactPerson: null, remarks: [], errors: [...errors] };
}
