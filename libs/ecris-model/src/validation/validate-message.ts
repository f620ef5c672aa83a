/**
 * Validation beyond the schema: what ECRIS requires that Avro cannot say (mandatory texts, code and
 * id formats, dates, cross references). Pure: no I/O, no clock; reference data comes in through the
 * context. Each failure has a field path and the functional-error code to send back in a FEM.
 */
import type { Cancellation, IsAlive, MessageHeader, TextRepresentation } from '@ecris/contracts';
import { type ValidationFailure, Failures, withoutPaths } from './functional-errors';
import { header, type ValidationContext } from './header';
import { BODY_RULES, type EcrisMessages } from './messages';
import { contactPerson } from './message-parts';
import { multilingual } from './rules';

export type { EcrisMessages } from './messages';
export type { ValidationContext } from './header';

interface Common {
  readonly header: MessageHeader;
  readonly contactPerson?: Cancellation['contactPerson'];
  readonly remarks?: readonly TextRepresentation[];
}

export function validateMessage<T extends keyof EcrisMessages>(
  type: T,
  value: EcrisMessages[T],
  context: ValidationContext = {},
): ValidationFailure[] {
  // Most messages are valid: check without building field paths, and again with them only on failure.
  if (withoutPaths(() => failuresOf(type, value, context)).length === 0) return [];
  return failuresOf(type, value, context);
}

function failuresOf<T extends keyof EcrisMessages>(type: T, value: EcrisMessages[T], context: ValidationContext): ValidationFailure[] {
  const f = new Failures();
  const common = value as Common | IsAlive;
  header(f, 'header', type, common.header, context);
  if ('contactPerson' in common && common.contactPerson !== undefined) contactPerson(f, 'contactPerson', common.contactPerson);
  if ('remarks' in common && common.remarks !== undefined) multilingual(f, 'remarks', common.remarks, 4000, false);
  BODY_RULES[type](f, value, context);
  return f.list;
}
