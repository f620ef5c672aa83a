/** Where the scenario player delivers: the broker (court feed, gateway) and request-out's HTTP API (agencies). */
import { createHash } from 'node:crypto';
import { encodeOutbound, metaToHeaders, SINGLE_OBJECT_MARKER, type AvroCodec, type RawOutboundRecord, type RecordSender } from '@ecris/messaging';
import type { AgencySubmission } from './agency/agency-requests';
import type { PlayerTargets } from './scenario-player';
import type { ScheduledMessage } from './schedule';

export interface AgencyApi {
  /** request-out's base URL, e.g. http://127.0.0.1:8083. */
  readonly url: string;
  /** An API key request-out's agencies file holds the hash of. */
  readonly apiKey: string;
}

export function playerTargets(codec: AvroCodec, sender: RecordSender, namespace: string, agencyApi: AgencyApi | undefined): PlayerTargets {
  return {
    publish: (messages) => sender.send(messages.map((scheduled) => toRecord(codec, namespace, scheduled))),
    submit: (submission) => {
      if (!agencyApi) return Promise.resolve('refused');
      return submitToApi(agencyApi, submission);
    },
  };
}

function toRecord(codec: AvroCodec, namespace: string, scheduled: ScheduledMessage): RawOutboundRecord {
  const message = { ...scheduled.message, topic: `${namespace}${scheduled.message.topic}` };
  if (!scheduled.garbage) return encodeOutbound(codec, message);
  return { topic: message.topic, key: message.key, value: garbageFor(message.meta.id), headers: metaToHeaders(message.meta) };
}

/**
 * Deliberate poison: the single-object marker and a fingerprint no schema has, then noise. Every consumer
 * must dead-letter it (undecodable), and park its key. Derived from the event id, so a replay repeats it.
 */
function garbageFor(eventId: string): Buffer {
  const noise = createHash('sha256').update(`garbage:${eventId}`).digest();
  return Buffer.concat([SINGLE_OBJECT_MARKER, noise.subarray(0, 8), noise.subarray(8)]);
}

async function submitToApi(api: AgencyApi, submission: AgencySubmission): Promise<'accepted' | 'refused'> {
  const response = await fetch(`${api.url}/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': api.apiKey, 'idempotency-key': submission.idempotencyKey },
    body: JSON.stringify(submission.body),
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel();
  if (response.status === 200 || response.status === 202) return 'accepted';
  // Overloaded or failing: the same submission again later (the idempotency key makes that safe).
  if (response.status >= 500 || response.status === 429) throw new Error(`request-out answered ${response.status}`);
  return 'refused';
}
