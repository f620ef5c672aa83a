import { DatabaseError } from 'pg';
import { FencedError } from '../idempotency/fenced-error';
import { isTransientDatabaseError } from './transient-database-error';

function sqlError(code: string): DatabaseError {
  const err = new DatabaseError('server said no', 0, 'error');
  err.code = code;
  return err;
}

function nodeError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

describe('isTransientDatabaseError', () => {
  it.each([
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['53300', 'too many connections'],
    ['57P01', 'admin shutdown'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'cannot connect now'],
    ['57014', 'statement timeout'],
    ['55P03', 'lock timeout'],
    ['08006', 'connection failure'],
    ['08001', 'unable to connect'],
  ])('retries SQLSTATE %s (%s)', (code) => {
    expect(isTransientDatabaseError(sqlError(code))).toBe(true);
  });

  it.each([
    ['23505', 'unique violation'],
    ['42P01', 'undefined table'],
    ['42601', 'syntax error'],
    ['22012', 'division by zero'],
    ['28P01', 'wrong password'],
    ['08P01', 'protocol violation: a client bug'],
  ])('passes on SQLSTATE %s (%s)', (code) => {
    expect(isTransientDatabaseError(sqlError(code))).toBe(false);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN'])(
    'retries the socket error %s',
    (code) => {
      expect(isTransientDatabaseError(nodeError(code))).toBe(true);
    },
  );

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Query read timeout',
  ])('retries pg\'s uncoded "%s"', (message) => {
    expect(isTransientDatabaseError(new Error(message))).toBe(true);
  });

  it('does not retry our own orderly close of a client', () => {
    expect(isTransientDatabaseError(new Error('Connection terminated'))).toBe(false);
  });

  it('looks through a cause chain and an AggregateError', () => {
    expect(isTransientDatabaseError(new Error('saving failed', { cause: sqlError('40P01') }))).toBe(true);
    const refusedOnBothAddresses = new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')]);
    expect(isTransientDatabaseError(refusedOnBothAddresses)).toBe(true);
  });

  it('never retries a fenced consumer, bugs or non-errors', () => {
    expect(isTransientDatabaseError(new FencedError('g', 't', 0, 1, 2))).toBe(false);
    expect(isTransientDatabaseError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
    expect(isTransientDatabaseError('ECONNRESET')).toBe(false);
  });

  it('stops following a cause cycle', () => {
    const a: { cause?: unknown } & Error = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isTransientDatabaseError(a)).toBe(false);
  });
});
