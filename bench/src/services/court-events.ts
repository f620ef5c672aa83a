import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaNames, type ConvictionRecorded } from '@ecris/contracts';
import { metaToHeaders, type AvroCodec, type RawOutboundRecord } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';

const FIXTURE = JSON.parse(
  readFileSync(join(REPO_SCHEMAS_DIR, 'uk', 'ecris', 'court', 'fixtures', 'ConvictionRecorded.v1.json'), 'utf8'),
) as ConvictionRecorded;

const SINGLE_EU = ['FR', 'DE', 'IE', 'ES', 'IT', 'PL', 'RO', 'NL', 'BE', 'PT', 'LT', 'BG'];

/**
 * Nationalities of the `index`th person, out of every 20: 16 hold one EU nationality, one is FR+IE
 * (two NOTs), one is GB+PL (a dual UK national: one NOT), and two are US nationals (no NOT at all).
 */
export function nationalitiesOf(index: number): string[] {
  const slot = index % 20;
  if (slot === 0) return ['FR', 'IE'];
  if (slot === 1) return ['GB', 'PL'];
  if (slot === 2 || slot === 3) return ['US'];
  return [SINGLE_EU[index % SINGLE_EU.length]!];
}

/** How many NOTs notification-out owes for the person's nationalities: one per EU state. */
export function notificationsOwed(index: number): number {
  return nationalitiesOf(index).filter((code) => code !== 'GB' && code !== 'US').length;
}

/**
 * The golden court event with a reference and event id of its own (keyed by the reference, as the
 * court feed keys it), so every event is a new conviction for notification-out.
 */
export function courtEvent(codec: AvroCodec, topic: string, runId: string, index: number): RawOutboundRecord {
  const reference = `B${runId}${String(index).padStart(7, '0')}`;
  const value: ConvictionRecorded = {
    ...FIXTURE,
    meta: { ...FIXTURE.meta, id: randomUUID(), subject: reference, correlationId: reference },
    convictionReference: reference,
    conviction: { ...FIXTURE.conviction, person: { ...FIXTURE.conviction.person, nationalities: nationalitiesOf(index) } },
  };
  return { topic, key: reference, value: codec.encode(SchemaNames.convictionRecorded, value), headers: metaToHeaders(value.meta) };
}
