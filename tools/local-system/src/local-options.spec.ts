import { parseLocalOptions } from './local-options';

describe('the start command options', () => {
  it('runs until Ctrl-C, with the simulators and a summary every 5 s, by default', () => {
    expect(parseLocalOptions([], {})).toEqual({ durationSeconds: undefined, simulators: true, summaryEverySeconds: 5, reportFile: undefined, help: false });
  });

  it('takes a burst length, a report file and the summary interval, as `--flag value` or `--flag=value`', () => {
    expect(parseLocalOptions(['--duration', '30', '--report=/tmp/r.json', '--summary-every', '2'], {})).toMatchObject({
      durationSeconds: 30,
      reportFile: '/tmp/r.json',
      summaryEverySeconds: 2,
    });
  });

  it.each([
    [['--no-simulators'], {}],
    [[], { ECRIS_SIMULATORS: 'off' }],
    [[], { ECRIS_SIMULATORS: 'FALSE' }],
  ])('turns the simulators off with %j %j', (argv, env) => {
    expect(parseLocalOptions(argv, env).simulators).toBe(false);
  });

  it.each([
    [['--duration'], /--duration needs/],
    [['--duration', '0'], /--duration needs/],
    [['--summary-every', 'often'], /--summary-every needs/],
    [['--report'], /--report needs/],
    [['--durations', '3'], /unknown option --durations/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseLocalOptions(argv, {})).toThrow(message);
  });
});
