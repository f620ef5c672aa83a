/** Which Avro record carries which ECRIS message type: how a handler picks the rules for a decoded value. */
import { SchemaNames } from '@ecris/contracts';
import type { EcrisMessageType } from './validation/formats';

export const ECRIS_MESSAGE_SCHEMAS: Readonly<Record<EcrisMessageType, string>> = {
  NOT: SchemaNames.notification,
  NRS: SchemaNames.notificationResponse,
  REQ: SchemaNames.request,
  RDL: SchemaNames.requestDeadline,
  RRS: SchemaNames.requestResponse,
  RAI: SchemaNames.requestAdditionalInfo,
  RAR: SchemaNames.requestAdditionalInfoResponse,
  FEM: SchemaNames.functionalError,
  CAN: SchemaNames.cancellation,
  IAL: SchemaNames.isAlive,
};

export function ecrisMessageTypeOfSchema(fullName: string): EcrisMessageType | undefined {
  return (Object.keys(ECRIS_MESSAGE_SCHEMAS) as EcrisMessageType[]).find((type) => ECRIS_MESSAGE_SCHEMAS[type] === fullName);
}
