import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaNames, type Notification } from '@ecris/contracts';
import { AvroCodec, SchemaArchive, type EventMeta } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import { ecrisConvictionOf } from '../domain/ecris-conviction';
import { translatedNotification } from '../testing/fixtures';
import { matchReview, raiMessageId, registerUpdated, requestAdditionalInfo } from './outputs';

const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
const cause: EventMeta = translatedNotification().meta;

describe('what register-update emits', () => {
  it('encodes each output with its registered schema, ids derived from the input', () => {
    const raiId = raiMessageId('GB', 'ES', 'ES-GB-NOT-000000000000020');
    expect(raiId).toMatch(/^GB-ES-RAI-[0-9]{15}$/);
    expect(raiMessageId('GB', 'ES', 'ES-GB-NOT-000000000000020')).toBe(raiId);
    expect(raiMessageId('GB', 'ES', 'ES-GB-NOT-000000000000021')).not.toBe(raiId);

    const applied = {
      entryId: 'e1',
      convictionRef: 'ES-C-000000000000020',
      convictingState: 'ES',
      sourceMessageId: 'ES-GB-NOT-000000000000020',
      change: 'SANCTIONS_VARIED' as const,
      version: 2,
      causeEventId: cause.id,
    };
    // A replay of the same input rebuilds the same event id.
    expect(registerUpdated(cause, applied).meta.id).toBe(registerUpdated(cause, applied).meta.id);
    const outputs = [
      registerUpdated(cause, applied),
      matchReview(cause, 'ES-GB-NOT-000000000000020', 'ES-GB-NOT-000000000000020', 'reason'),
      requestAdditionalInfo(cause, { messageId: raiId, ourState: 'GB', senderState: 'ES', notMessageId: 'ES-GB-NOT-000000000000020', wanted: ['IdentityNumber'] }),
    ];
    for (const output of outputs) {
      const decoded = codec.decode<{ meta: EventMeta }>(codec.encode(output.schema, { ...(output.value as object), meta: output.meta }));
      expect(decoded.writer.fullName).toBe(output.schema);
      expect(decoded.value.meta.causationId).toBe(cause.id);
    }
    expect(new Set(outputs.map((o) => o.meta.id)).size).toBe(3);
    expect((outputs[0]!.value as { change: string }).change).toBe('REPLACED');
  });

  it('keeps a received foreign conviction as a valid ECRIS Conviction: it encodes inside a NOT', () => {
    const rebuilt = ecrisConvictionOf(translatedNotification().convictions[0]!);
    const not = JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, 'uk/ecris/message/fixtures/Notification.v1.json'), 'utf8')) as Notification;
    const bytes = codec.encode(SchemaNames.notification, { ...not, conviction: rebuilt });
    expect(codec.decode<Notification>(bytes).value.conviction).toEqual(rebuilt);
  });
});
