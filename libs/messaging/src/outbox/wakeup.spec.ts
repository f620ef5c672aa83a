import { Wakeup } from './wakeup';

describe('Wakeup', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends a wait when signalled', async () => {
    const wakeup = new Wakeup();
    let done = false;
    const waiting = wakeup.wait(60_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    wakeup.signal();
    await waiting;
    expect(done).toBe(true);
  });

  it('ends a wait when the time is up', async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait(1_000);
    jest.advanceTimersByTime(1_000);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('remembers a signal sent while nobody waited, once', async () => {
    const wakeup = new Wakeup();
    wakeup.signal();
    await expect(wakeup.wait(60_000)).resolves.toBeUndefined();

    let done = false;
    void wakeup.wait(60_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    jest.advanceTimersByTime(60_000);
  });
});
