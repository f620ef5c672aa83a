import { classifyError, FatalError, PoisonError, TransientError } from './errors';

class KafkaLikeError extends Error {
  readonly retriable = true;
}

describe('classifyError', () => {
  it.each([
    ['a PoisonError', new PoisonError('validation', 'FE-00012', 'bad'), 'poison', 'validation', 'FE-00012'],
    ['a TransientError', new TransientError('DB_DOWN', 'database unavailable'), 'transient', 'dependency', 'DB_DOWN'],
    ['a FatalError', new FatalError('FENCED', 'fenced'), 'fatal', 'unknown', 'FENCED'],
    ['an error marked fatal', Object.assign(new Error('fenced'), { fatal: true, code: 'FENCED' }), 'fatal', 'unknown', 'FENCED'],
    ['a retriable client error', new KafkaLikeError('leader not available'), 'transient', 'dependency', 'TRANSIENT'],
    ['a refused connection', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'transient', 'dependency', 'ECONNREFUSED'],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')"), 'bug', 'unknown', 'BUG'],
    ['a RangeError', new RangeError('bad length'), 'bug', 'unknown', 'BUG'],
    ['an unknown Error', new Error('something'), 'bug', 'unknown', 'UNCLASSIFIED'],
    ['a thrown string', 'boom', 'bug', 'unknown', 'UNCLASSIFIED'],
  ])('classifies %s', (_label, error, disposition, errorClass, code) => {
    expect(classifyError(error)).toMatchObject({ disposition, errorClass, code });
  });

  it('lets an adapter declare its own transient errors', () => {
    const serializationFailure = Object.assign(new Error('could not serialize access'), { code: '40001' });
    expect(classifyError(serializationFailure).disposition).toBe('bug');
    expect(classifyError(serializationFailure, (e) => (e as { code?: string }).code === '40001').disposition).toBe(
      'transient',
    );
  });

  it('keeps messages short', () => {
    expect(classifyError(new Error('x'.repeat(5000))).message.length).toBeLessThanOrEqual(301);
  });
});
