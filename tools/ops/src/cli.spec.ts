import { DEFAULT_REPLAY_RATE, parseCommandLine, parseFilter, runCli } from './cli';
import { parseCoordinates, parseDay, parsePosition, parseTime } from './positions';

describe('parseCommandLine', () => {
  it.each([
    [['timeline', 'FR-GB-NOT-1'], { name: 'timeline', exchangeId: 'FR-GB-NOT-1', decode: false }],
    [['timeline', 'X', '--decode', '--json'], { name: 'timeline', exchangeId: 'X', decode: true }],
    [['dlq', 'list', '--group', 'translation', '--class', 'business', '--count', '5'], { name: 'dlq-list', count: 5, filter: expect.objectContaining({ group: 'translation', errorClass: 'business' }) }],
    [['dlq', 'show', 'g.dlq:1:42'], { name: 'dlq-show', coordinates: { topic: 'g.dlq', partition: 1, offset: '42' } }],
    [['dlq', 'replay', 'g.dlq:0:1', 'g.dlq:0:2', '--reason', 'r'], { name: 'dlq-replay', dryRun: false, rate: DEFAULT_REPLAY_RATE, selection: { kind: 'coordinates', list: [expect.objectContaining({ offset: '1' }), expect.objectContaining({ offset: '2' })] } }],
    [['dlq', 'replay', '--all', '--group', 'translation', '--dry-run', '--reason', 'r'], { name: 'dlq-replay', dryRun: true, selection: { kind: 'filter', filter: { group: 'translation' } } }],
    [['dlq', 'replay', '--filter', 'class=business,code=X', '--rate', '0', '--reason', 'r'], { name: 'dlq-replay', rate: 0, selection: { kind: 'filter', filter: expect.objectContaining({ errorClass: 'business', errorCode: 'X' }) } }],
    [['replay', '--group', 'translation', '--from', '17', '--to', '2026-03-01T00:00:00Z', '--reason', 'r'], { name: 'replay', group: 'translation', from: { kind: 'offset', offset: '17' }, to: { kind: 'time', time: new Date('2026-03-01T00:00:00Z') } }],
    [['reconcile', '--date', '2026-03-02', '--now', '2026-04-01T00:00:00Z'], { name: 'reconcile', date: '2026-03-02', now: new Date('2026-04-01T00:00:00Z') }],
    [[], { name: 'help' }],
    [['timeline', 'X', '-h'], { name: 'help' }],
  ])('%j', (argv, expected) => {
    expect(parseCommandLine(argv).command).toMatchObject(expected);
  });

  it('reads the options every command shares', () => {
    expect(parseCommandLine(['timeline', 'X', '--decode', '--unmask', '--reason', 'why', '--ticket', 'INC-1', '--json']).common).toEqual({
      json: true,
      unmask: true,
      reason: 'why',
      ticket: 'INC-1',
    });
  });

  it.each([
    [['nonsense'], 'unknown command "nonsense"'],
    [['timeline'], 'expected one <exchange-id>, got 0'],
    [['timeline', 'X', '--colour'], "Unknown option '--colour'"],
    [['dlq'], 'dlq needs list, show or replay'],
    [['dlq', 'show', 'not-coordinates'], '"not-coordinates" is not topic:partition:offset'],
    [['dlq', 'replay', '--reason', 'r'], 'exactly one of: coordinates, --filter ..., --all'],
    [['dlq', 'replay', 'g.dlq:0:1', '--all', '--reason', 'r'], 'exactly one of'],
    [['dlq', 'replay', '--filter', 'group=a', '--group', 'b'], '--group goes with --all'],
    [['dlq', 'replay', '--filter', 'colour=red'], '"colour=red" is not one of'],
    [['replay', '--from', '1'], '--group is required'],
    [['replay', '--group', 'g', '--from', 'yesterday'], '"yesterday" is not a time'],
    [['replay', '--group', 'g', '--from', '1', '--rate=-5'], '--rate must be a whole number >= 0'],
    [['reconcile', '--date', '2026-02-30'], '"2026-02-30" is not a day'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

describe('positions', () => {
  it('reads offsets as offsets and everything else as times', () => {
    expect(parsePosition('0')).toEqual({ kind: 'offset', offset: '0' });
    expect(parsePosition('9007199254740993')).toEqual({ kind: 'offset', offset: '9007199254740993' });
    expect(parsePosition('@1767225600000')).toEqual({ kind: 'time', time: new Date(1767225600000) });
    expect(parseTime('2026-03-01')).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(parseTime('2026-03-01T10:00:00+01:00')).toEqual(new Date('2026-03-01T09:00:00Z'));
    expect(parseDay('2026-03-02')).toBe('2026-03-02');
  });

  it('reads coordinates of namespaced topics', () => {
    expect(parseCoordinates('ns.1.ecris-exchange.translation.dlq:3:12')).toEqual({ topic: 'ns.1.ecris-exchange.translation.dlq', partition: 3, offset: '12' });
  });

  it('reads a filter expression', () => {
    expect(parseFilter('group=translation, since=2026-03-01')).toEqual({
      group: 'translation',
      errorClass: undefined,
      errorCode: undefined,
      originalTopic: undefined,
      since: new Date('2026-03-01T00:00:00Z'),
      until: undefined,
    });
  });
});

describe('runCli', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } } };
  };

  it('answers a usage error with exit code 2, the reason and the usage, on stderr', async () => {
    const { out, io: streams } = io();
    expect(await runCli(['dlq', 'show', 'x'], {}, streams)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^ecris-ops: "x" is not topic:partition:offset\necris-ops: the operators' tool/);
  });

  it('prints help on stdout with exit code 0', async () => {
    const { out, io: streams } = io();
    expect(await runCli(['help'], {}, streams)).toBe(0);
    expect(out.stdout).toContain('ecris-ops timeline <exchange-id>');
  });

  it('refuses a replay without an operator before it connects to anything, exit code 3', async () => {
    const { out, io: streams } = io();
    expect(await runCli(['dlq', 'replay', '--all', '--reason', 'r'], { KAFKA_BROKERS: '127.0.0.1:1' }, streams)).toBe(3);
    expect(out.stderr).toBe('ecris-ops: refused: a replay is recorded on ops.actions.v1 with who did it: set ECRIS_OPS_OPERATOR to your operator id\n');
  });
});
