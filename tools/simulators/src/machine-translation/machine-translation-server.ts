/**
 * A stand-in for the machine-translation service translation calls (TRANSLATION_MT_URL), speaking the
 * JSON contract in services/translation/README.md:
 *   POST / {"sourceLang": "es" | null, "targetLang": "en", "texts": [...]} -> 200 {"translations": [...]}
 * It knows the phrasebook only. A batch holding a text it does not know is answered 422, which the
 * service takes as "machine translation cannot do these" and gives them to a person, as it would for a
 * real engine's refusal. Local only: it listens on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Phrasebook } from './phrasebook';

export interface MachineTranslationServer {
  readonly url: string;
  /** Batches answered, and texts translated, since start. */
  readonly stats: { batches: number; texts: number; refused: number };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startMachineTranslationServer(port = 0, phrasebook = new Phrasebook()): Promise<MachineTranslationServer> {
  const stats = { batches: 0, texts: 0, refused: 0 };
  const server = createServer((request, response) => {
    void handle(request, response, phrasebook, stats);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/translate`,
    stats,
    close: () => closeServer(server),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, phrasebook: Phrasebook, stats: MachineTranslationServer['stats']) {
  if (request.method !== 'POST') return reply(response, 405, { error: 'POST only' });
  const body = await readJson(request);
  const texts = body?.texts;
  if (!body || body.targetLang !== 'en' || !Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
    return reply(response, 400, { error: 'expected {"sourceLang", "targetLang": "en", "texts": [strings]}' });
  }
  const sourceLang = typeof body.sourceLang === 'string' ? body.sourceLang : null;
  const translations = (texts as string[]).map((text) => phrasebook.toEnglish(sourceLang, text));
  stats.batches += 1;
  if (translations.some((translation) => translation === undefined)) {
    stats.refused += 1;
    return reply(response, 422, { error: 'some texts are not in the phrasebook' });
  }
  stats.texts += translations.length;
  return reply(response, 200, { translations });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections from the service's fetch would hold close() open.
    server.closeAllConnections();
  });
}
