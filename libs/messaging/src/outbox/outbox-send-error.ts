/**
 * Publishing a batch of outbox rows failed; `cause` is the sender's error. The batch's transaction
 * was rolled back, so the rows are still unsent and will be tried again. Kept apart from database
 * errors because the two are classified differently (see OutboxRelay).
 */
export class OutboxSendError extends Error {
  override readonly name = 'OutboxSendError';

  constructor(
    readonly recordCount: number,
    options: { cause: unknown },
  ) {
    super(`Publishing ${recordCount} outbox record(s) failed`, options);
  }
}
