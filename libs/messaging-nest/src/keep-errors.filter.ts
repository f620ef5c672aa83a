import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC exception filter turns every unknown error into `{status: 'error', message: ...}`,
 * which would erase the poison / transient / bug classification the runner acts on. This filter hands
 * the original error back, unchanged, so the runner can retry, dead-letter or stop as it should.
 */
@Catch()
export class KeepErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
