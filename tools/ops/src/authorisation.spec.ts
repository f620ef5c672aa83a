import { parseOperatorsConfig, requireOperator, requireReason, requireRight } from './authorisation';
import { EXIT } from './errors';

const config = parseOperatorsConfig(JSON.stringify({ operators: [{ id: 'OPS-1', rights: ['replay', 'unmask'] }, { id: 'OPS-2', rights: ['replay'] }] }), 'ops.json');

describe('authorisation', () => {
  it('grants a right the file lists for the operator', () => {
    expect(() => requireRight(config, 'OPS-1', 'unmask', '--unmask')).not.toThrow();
  });

  it.each([
    ['an operator without the right', 'OPS-2', 'which ops.json does not give operator OPS-2'],
    ['an operator the file does not list', 'OPS-9', 'operator OPS-9 is not listed in ops.json'],
  ])('refuses %s, saying why', (_who, operator, why) => {
    expect(() => requireRight(config, operator, 'unmask', '--unmask')).toThrow(why);
    try {
      requireRight(config, operator, 'unmask', '--unmask');
    } catch (error) {
      expect(error).toMatchObject({ exitCode: EXIT.refused, message: expect.stringMatching(/^refused: --unmask needs the "unmask" right/) });
    }
  });

  it('refuses an action with no operator or no reason', () => {
    expect(() => requireOperator(undefined, 'a replay')).toThrow('set ECRIS_OPS_OPERATOR');
    expect(() => requireOperator('  ', 'a replay')).toThrow('set ECRIS_OPS_OPERATOR');
    expect(() => requireReason('', 'a replay')).toThrow('needs --reason');
    expect(requireReason(' fixed ', 'a replay')).toBe('fixed');
  });

  it('refuses a malformed file or an unknown right rather than guess', () => {
    expect(() => parseOperatorsConfig('{', 'x.json')).toThrow('not valid JSON');
    expect(() => parseOperatorsConfig('{"operators":[{"id":"A","rights":["root"]}]}', 'x.json')).toThrow('unknown right root');
  });
});
