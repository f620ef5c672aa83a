/**
 * Authenticates the calling agency by API key (`X-Api-Key: <key>` or `Authorization: Bearer <key>`):
 * the key's SHA-256 is looked up among the configured agencies' key hashes, so no key is ever stored.
 * A missing or unknown key is a 401; it is counted and logged (without the key), but not put on the
 * log as an event: an unidentified caller must not be able to write to a ten-year audit topic at will.
 */
import { createHash } from 'node:crypto';
import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Logger } from '@ecris/logging';
import { SERVICE_LOGGER } from '@ecris/service-kit';
import { RequestOutMetrics } from '../adapters/request-out-metrics';
import type { Agency } from '../domain/policy';
import type { RequestOutSettings } from '../config/settings';
import { REQUEST_OUT_SETTINGS } from '../ports';
import type { HttpRequest } from './http-types';
import { ProblemException } from './problem';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function presentedKey(request: HttpRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  const authorization = request.headers['authorization'];
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

@Injectable()
export class AgencyAuthGuard implements CanActivate {
  private readonly byKeyHash: ReadonlyMap<string, Agency>;

  constructor(
    @Inject(REQUEST_OUT_SETTINGS) settings: RequestOutSettings,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly metrics: RequestOutMetrics,
  ) {
    this.byKeyHash = new Map(settings.agencies.flatMap((agency) => agency.apiKeySha256.map((hash) => [hash, agency] as const)));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const key = presentedKey(request);
    const agency = key ? this.byKeyHash.get(sha256Hex(key)) : undefined;
    if (!agency) {
      this.metrics.refusedAccess(key ? 'UNKNOWN_KEY' : 'NO_KEY');
      this.logger.warn({ method: request.method, path: request.path, keyPresented: key !== undefined }, 'agency API call refused: not authenticated');
      throw new ProblemException(401, 'not-authenticated', 'Give your agency API key in X-Api-Key (or Authorization: Bearer).');
    }
    request.agency = agency;
    return true;
  }
}

/** The agency the guard authenticated. */
export const CurrentAgency = createParamDecorator((_data: unknown, context: ExecutionContext): Agency => {
  const agency = context.switchToHttp().getRequest<HttpRequest>().agency;
  if (!agency) throw new Error('CurrentAgency used on a route without AgencyAuthGuard');
  return agency;
});
