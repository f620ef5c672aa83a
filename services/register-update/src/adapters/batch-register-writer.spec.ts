import { RegisterWriter } from '@ecris/register';
import { BatchRegisterWriter } from './batch-register-writer';

describe('BatchRegisterWriter', () => {
  it('overrides every method an effect may call, so none can skip what the batch holds back', () => {
    // Used by the batch writer itself (read ahead, flush), or private to RegisterWriter's own methods.
    const notForEffects = ['constructor', 'findConvictions', 'createConvictions', 'deferredUpdateKeys', 'bumpVersion', 'insertVersion'];
    const inherited = Object.getOwnPropertyNames(RegisterWriter.prototype).filter((name) => !notForEffects.includes(name));
    const overridden = new Set(Object.getOwnPropertyNames(BatchRegisterWriter.prototype));
    expect(inherited.length).toBeGreaterThan(5);
    expect(inherited.filter((name) => !overridden.has(name))).toEqual([]);
  });
});
