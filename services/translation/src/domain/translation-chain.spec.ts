import { keyOf } from './free-texts';
import { keysForMachine, runChain } from './translation-chain';

const HURTO = keyOf({ lang: 'es', text: 'Hurto' });
const ROBO = keyOf({ lang: 'es', text: 'Robo' });

const memory = new Map([[HURTO, 'Theft']]);

describe('the translation chain', () => {
  it('asks the machine only for what the memory lacks', () => {
    expect(keysForMachine([HURTO, ROBO, ROBO], memory)).toEqual([ROBO]);
  });

  it.each([
    ['memory first, even when the machine also answers', [HURTO], new Map([[HURTO, 'Larceny']]), { text: 'Theft', method: 'HUMAN' }],
    ['then the machine', [ROBO], new Map([[ROBO, 'Robbery']]), { text: 'Robbery', method: 'MACHINE' }],
  ])('%s', (_name, keys, machine, expected) => {
    const result = runChain(keys, { memory, machine });
    expect(result.translated.get(keys[0])).toEqual(expected);
    expect(result.forReview).toEqual([]);
  });

  it.each([
    ['no machine configured', null],
    ['the machine gave nothing for it', new Map<string, string>()],
    ['the machine gave a blank text', new Map([[ROBO, '  ']])],
  ])('sends a text to a person when %s', (_name, machine) => {
    const result = runChain([HURTO, ROBO], { memory, machine });
    expect(result.forReview).toEqual([ROBO]);
    expect([...result.translated.keys()]).toEqual([HURTO]);
  });
});
