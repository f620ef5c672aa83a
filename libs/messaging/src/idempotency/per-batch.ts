import type { LedgerBatch } from './effect-ledger';

/**
 * One value per ledger batch, made by the first of the batch's records that asks for it and shared by
 * the rest: a store that read ahead for the whole batch, say. The promise is kept, not its result, so
 * records asking at once wait on the one making. Held weakly: a finished batch takes its value with it.
 */
export class PerBatch<T> {
  private readonly values = new WeakMap<LedgerBatch, Promise<T>>();

  of(batch: LedgerBatch, make: () => Promise<T>): Promise<T> {
    let value = this.values.get(batch);
    if (value === undefined) {
      value = make();
      this.values.set(batch, value);
    }
    return value;
  }
}
