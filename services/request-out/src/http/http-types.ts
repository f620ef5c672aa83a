/**
 * The little of Express's request and response this API touches. Typed here rather than adding
 * @types/express for four members.
 */
import type { Agency } from '../domain/policy';

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  agency?: Agency;
}

export interface HttpResponse {
  status(code: number): HttpResponse;
  type(contentType: string): HttpResponse;
  send(body: string): HttpResponse;
  setHeader(name: string, value: string): void;
}
