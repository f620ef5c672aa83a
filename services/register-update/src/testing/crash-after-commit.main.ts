/**
 * register-update with a fault point, for crash.int.spec.ts only: the real service, except that right
 * after the ledger commits a record's effect (inbox row, register writes, outbox rows), and before the
 * runner can commit the record's offset to Kafka, the process kills itself with SIGKILL.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { startService } from '@ecris/service-kit';
import { registerUpdateDefinition } from '../definition';
import { PG_REGISTER_STORE, REGISTER_UPDATE_HANDLERS, registerUpdateProviders } from '../register-update.module';
import { REGISTER_STORE, type RegisterStore } from '../ports';

class CrashAfterCommitStore implements RegisterStore {
  constructor(private readonly real: RegisterStore) {}

  async applyOnce(...args: Parameters<RegisterStore['applyOnce']>) {
    const outcome = await this.real.applyOnce(...args);
    // The fault point: the transaction has committed; the offset commit would come next.
    if (outcome === 'applied') process.kill(process.pid, 'SIGKILL');
    return outcome;
  }
}

const REAL_STORE = Symbol('REAL_STORE');

@Module({
  controllers: REGISTER_UPDATE_HANDLERS,
  providers: [
    ...registerUpdateProviders({ provide: REGISTER_STORE, inject: [REAL_STORE], useFactory: (real: RegisterStore) => new CrashAfterCommitStore(real) }),
    { ...PG_REGISTER_STORE, provide: REAL_STORE },
  ],
})
class CrashingRegisterUpdateModule {}

startService({ ...registerUpdateDefinition, module: CrashingRegisterUpdateModule }, process.env).catch((error: unknown) => {
  process.stderr.write(`crash child failed to start: ${String(error)}\n`);
  process.exit(2);
});
