import { createOutput, table, type Stream } from './output';

function capture(isTTY: boolean): Stream & { text: string } {
  const stream = { text: '', isTTY, write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

describe('output', () => {
  it('prints tables with aligned columns', () => {
    expect(table(['a', 'long header', 'note'], [['xyz', '1', 'free text'], ['q', '22', '']])).toEqual([
      'a    long header  note',
      'xyz  1            free text',
      'q    22',
    ]);
  });

  it('writes one JSON document with --json, and no colours or progress in a pipe', () => {
    const stdout = capture(false);
    const stderr = capture(true);
    const output = createOutput({ stdout, stderr }, { json: true, env: {} });
    output.result({ n: 1 }, () => ['not this']);
    const progress = output.progress('replay', 10);
    progress.advance(10);
    progress.done();
    expect(JSON.parse(stdout.text)).toEqual({ n: 1 });
    expect(stderr.text).toBe('');
    expect(output.alert('GAP')).toBe('GAP');
  });

  it('shows progress on stderr and colours marks when a person watches, unless NO_COLOR is set', () => {
    const stdout = capture(true);
    const stderr = capture(true);
    const output = createOutput({ stdout, stderr }, { json: false, env: {} });
    const progress = output.progress('replay', 4);
    progress.advance(4);
    progress.done();
    expect(stderr.text).toContain('100% 4/4');
    expect(stdout.text).toBe('');
    expect(output.alert('GAP')).toBe('\u001b[31mGAP\u001b[0m');
    expect(createOutput({ stdout, stderr }, { json: false, env: { NO_COLOR: '1' } }).alert('GAP')).toBe('GAP');
  });
});
