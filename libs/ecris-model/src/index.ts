export { validateMessage } from './validation/validate-message';
export { functionalErrorItems } from './validation/functional-error-items';
export type { EcrisMessages, ValidationContext } from './validation/validate-message';
export { FUNCTIONAL_ERRORS, isLocalFunctionalErrorCode } from './validation/functional-errors';
export type { FailureKind, ValidationFailure } from './validation/functional-errors';
export {
  ECRIS_MESSAGE_TYPES,
  FORMATS,
  OFFENCE_CATEGORY_CODE,
  formatMessageId,
  offenceCategoryCodeOf,
  offenceCategoryRefOf,
  parseMessageId,
} from './validation/formats';
export type { EcrisMessageType, MessageIdParts } from './validation/formats';
export { ECRIS_MESSAGE_SCHEMAS, ecrisMessageTypeOfSchema } from './message-schemas';
export { derivedMessageId, derivedSerial, serialOf, ukConvictionId } from './derived-ids';
