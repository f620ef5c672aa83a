/**
 * Is a database error worth retrying in place (pause the partition, back off, try again)?
 * Transient: the connection broke or timed out, the server is shutting down or full, or PostgreSQL
 * aborted our transaction to resolve a conflict (serialization failure, deadlock) - the same
 * transaction will very likely succeed when run again. Everything else (constraint violations,
 * syntax errors, bugs, our own FencedError) is not, and is passed on as it is.
 *
 * No kafkajs here: the runner combines this with the broker's own classification.
 */

/** Node socket and DNS errors meaning "could not reach or lost the server". */
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/** SQLSTATE codes (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
]);

/** Class 08: connection exceptions, except a protocol violation, which is a client bug. */
const CONNECTION_EXCEPTION_CLASS = '08';
const PROTOCOL_VIOLATION = '08P01';

/** `pg` reports lost or timed-out connections as plain Errors without a code; these are its messages. */
const TRANSIENT_PG_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
];

const MAX_CAUSE_DEPTH = 5;

export function isTransientDatabaseError(err: unknown): boolean {
  return isTransientAtDepth(err, 0);
}

function isTransientAtDepth(err: unknown, depth: number): boolean {
  if (depth > MAX_CAUSE_DEPTH || typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; fatal?: unknown };
  if (e.fatal === true) return false;

  if (typeof e.code === 'string') {
    if (TRANSIENT_NODE_CODES.has(e.code) || TRANSIENT_SQLSTATES.has(e.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(e.code) && e.code.startsWith(CONNECTION_EXCEPTION_CLASS) && e.code !== PROTOCOL_VIOLATION) {
      return true;
    }
  }
  if (typeof e.message === 'string' && TRANSIENT_PG_MESSAGES.some((m) => (e.message as string).startsWith(m))) {
    return true;
  }
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isTransientAtDepth(inner, depth + 1))) return true;
  return isTransientAtDepth(e.cause, depth + 1);
}
