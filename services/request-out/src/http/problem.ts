/**
 * Refusals over HTTP are RFC 9457 problem details (application/problem+json): a stable `type` per
 * reason, a title, a detail, and the field problems (paths and rules, never values).
 */
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { HttpResponse } from './http-types';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly problems?: readonly string[];
  readonly requestId?: string;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Not authorised',
  404: 'Not found',
  409: 'Conflict',
  422: 'Nothing to send',
};

export class ProblemException extends HttpException {
  constructor(status: number, reason: string, detail: string, extra: { problems?: readonly string[]; requestId?: string } = {}) {
    const body: ProblemBody = {
      type: `urn:ecris-exchange:request-out:problem:${reason.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[status] ?? 'Refused',
      status,
      detail,
      ...extra,
    };
    super(body, status);
  }
}

/** Every HTTP error of the agency API as a problem document, Nest's own (e.g. a malformed JSON body) included. */
@Catch(HttpException)
export class ProblemFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const body: ProblemBody =
      exception instanceof ProblemException
        ? (raw as ProblemBody)
        : {
            type: 'about:blank',
            title: TITLES[status] ?? 'Error',
            status,
            detail: typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message),
          };
    response.status(status).type('application/problem+json').send(JSON.stringify(body));
  }
}
