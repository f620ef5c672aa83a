/**
 * A wait that ends early when signalled. A signal that arrives while nobody waits is remembered,
 * so a notification landing between "check the outbox" and "wait" is not lost.
 */
export class Wakeup {
  private pending = false;
  private wake: (() => void) | undefined;

  signal(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
