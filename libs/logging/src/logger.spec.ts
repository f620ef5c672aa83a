import { Writable } from 'node:stream';
import { createLogger, lazyRecordLogger, recordLogger, REDACTED } from './logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the service and an ISO time', () => {
    const { stream, lines } = capture();
    createLogger({ service: 'notification-out', destination: stream }).info({ count: 2 }, 'sent');
    const [line] = lines();
    expect(line).toMatchObject({ service: 'notification-out', level: 'info', msg: 'sent', count: 2 });
    expect(String(line.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts names, birth dates and identity numbers at any of the first levels', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 't', destination: stream });
    logger.info({
      surname: 'Dupont',
      subject: { forenames: ['Jean'], birthDate: { year: 1980, month: 2, day: 3 } },
      message: { person: { surname: 'Dupont' } },
      deep: { a: { identityNumbers: ['1234'] } },
      kept: 'exchange FR-UK-NOT-000000000000001',
    });
    const text = JSON.stringify(lines()[0]);
    expect(text).not.toContain('Dupont');
    expect(text).not.toContain('Jean');
    expect(text).not.toContain('1980');
    expect(text).not.toContain('1234');
    expect(lines()[0]).toMatchObject({ surname: REDACTED, message: { person: REDACTED }, kept: expect.any(String) });
  });

  it('redacts the row values a database error carries in its detail', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 't', destination: stream });
    const error = Object.assign(new Error('duplicate key value violates unique constraint "persons_key"'), {
      code: '23505',
      detail: 'Key (surname)=(Dupont) already exists.',
    });
    logger.error({ err: error }, 'write failed');
    const text = JSON.stringify(lines()[0]);
    expect(text).not.toContain('Dupont');
    expect(text).toContain('23505');
  });

  it('gives a per-record child logger with the record coordinates and ids', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 't', destination: stream });
    recordLogger(logger, { topic: 'a.v1', partition: 2, offset: '41', messageId: 'm-1', correlationId: 'c-1' }).warn(
      'retrying',
    );
    expect(lines()[0]).toMatchObject({ topic: 'a.v1', partition: 2, offset: '41', messageId: 'm-1', correlationId: 'c-1' });
  });
});

describe('lazyRecordLogger', () => {
  const context = { topic: 'a.v1', partition: 1, offset: '7', messageId: 'm-2', correlationId: 'c-2' };

  it('writes with the record coordinates, as recordLogger does', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 't', destination: stream });
    lazyRecordLogger(logger, context).warn({ attempt: 2 }, 'retrying');
    expect(lines()[0]).toMatchObject({ ...context, attempt: 2, msg: 'retrying' });
  });

  it('makes no child logger for a line below the level', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 't', level: 'warn', destination: stream });
    const child = jest.spyOn(logger, 'child');
    const log = lazyRecordLogger(logger, context);
    log.info('applied');
    log.debug('detail');
    expect(child).not.toHaveBeenCalled();
    log.error('failed');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines()).toHaveLength(1);
  });

  it('still redacts personal data in what it writes', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 't', destination: stream });
    lazyRecordLogger(logger, context).info({ person: { surname: 'Dupont' } }, 'matched');
    expect(JSON.stringify(lines()[0])).not.toContain('Dupont');
  });
});
