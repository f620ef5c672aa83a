/**
 * Errors are classified where they arise (shared/design/reliability.md):
 * - poison: the record itself is bad (undecodable, unknown schema, failed validation): dead-letter at once;
 * - transient: a dependency hiccup (broker, database, network, timeout): retry in place, in order;
 * - bug: a programming error (TypeError and friends): never retried blindly, dead-lettered as `unknown`;
 * - fatal: the consumer must stop (fenced by a newer owner, refused credentials): crash and be restarted.
 */

/** The `dlq-error-class` vocabulary of a dead letter. */
export type ErrorClass = 'deserialization' | 'schema' | 'validation' | 'business' | 'dependency' | 'unknown';

export type Disposition = 'poison' | 'transient' | 'bug' | 'fatal';

export interface Classification {
  readonly disposition: Disposition;
  readonly errorClass: ErrorClass;
  /** Short, stable, machine-readable: e.g. `UNKNOWN_FINGERPRINT`, `FE-00012`, `ECONNREFUSED`. */
  readonly code: string;
  /** Safe to log and to put in a dead letter: never carries personal data. */
  readonly message: string;
}

export abstract class MessagingError extends Error {
  abstract readonly disposition: Disposition;
  constructor(
    readonly errorClass: ErrorClass,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The record can never be processed as it is: dead-letter it (and, for ECRIS input, answer with a FEM). */
export class PoisonError extends MessagingError {
  readonly disposition = 'poison' as const;
}

/** Worth retrying: the same record may succeed once a dependency recovers. */
export class TransientError extends MessagingError {
  readonly disposition = 'transient' as const;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('dependency', code, message, options);
  }
}

/** The consumer must stop: retrying or skipping would both be wrong. */
export class FatalError extends MessagingError {
  readonly disposition = 'fatal' as const;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('unknown', code, message, options);
  }
}

const PROGRAMMING_ERRORS = [TypeError, ReferenceError, RangeError, SyntaxError, EvalError, URIError];

/** Node socket errors that mean "try again later". */
const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

const MAX_MESSAGE_LENGTH = 300;

/**
 * Classifies any thrown value. `isTransient` lets an adapter add its own knowledge
 * (e.g. PostgreSQL's serialization failures) without this module importing the adapter.
 */
export function classifyError(error: unknown, isTransient?: (error: unknown) => boolean): Classification {
  if (error instanceof MessagingError) {
    return {
      disposition: error.disposition,
      errorClass: error.errorClass,
      code: error.code,
      message: safeMessage(error),
    };
  }
  const candidate = error as { fatal?: unknown; retriable?: unknown; code?: unknown; name?: unknown } | null;
  if (candidate?.fatal === true) {
    return { disposition: 'fatal', errorClass: 'unknown', code: codeOf(error, 'FATAL'), message: safeMessage(error) };
  }
  if (
    candidate?.retriable === true ||
    (typeof candidate?.code === 'string' && TRANSIENT_SYSTEM_CODES.has(candidate.code)) ||
    isTransient?.(error) === true
  ) {
    return {
      disposition: 'transient',
      errorClass: 'dependency',
      code: codeOf(error, 'TRANSIENT'),
      message: safeMessage(error),
    };
  }
  if (PROGRAMMING_ERRORS.some((kind) => error instanceof kind)) {
    return { disposition: 'bug', errorClass: 'unknown', code: 'BUG', message: safeMessage(error) };
  }
  // Unknown errors are treated as bugs: retrying something we do not understand can loop forever.
  return { disposition: 'bug', errorClass: 'unknown', code: codeOf(error, 'UNCLASSIFIED'), message: safeMessage(error) };
}

function codeOf(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.length > 0) return code;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== 'Error' ? name : fallback;
}

function safeMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}
