import { TransientError } from '@ecris/messaging';

/**
 * The switch of a test double that wraps a real adapter: while failures are left, `run` fails as a
 * dropped database connection would, before touching anything, so a test can watch the runner retry
 * the record in place; otherwise it runs the real call.
 */
export class TransientFailures {
  private left = 0;
  /** Failures since the last `failNext`. */
  failed = 0;
  /** Every call made through the switch, failed or not. */
  calls = 0;

  failNext(count: number): void {
    this.left = count;
    this.failed = 0;
  }

  run<T>(real: () => Promise<T>): Promise<T> {
    this.calls += 1;
    if (this.left > 0) {
      this.left -= 1;
      this.failed += 1;
      return Promise.reject(new TransientError('ECONNRESET', 'database connection reset (test double)'));
    }
    return real();
  }
}
