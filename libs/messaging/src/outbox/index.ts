export { insertOutboxRecords, encodeHeaders, decodeHeaders, type StoredHeaders } from './outbox-records';
export { OutboxRelay, OUTBOX_CHANNEL, isFatalByDefault, type OutboxRelayOptions, type RelayBackoff, type RelayErrorInfo } from './outbox-relay';
export { OutboxSendError } from './outbox-send-error';
export { pruneSentOutbox } from './prune-outbox';
export { OutboxMemory, type CommittedOutboxRow, type OutboxMemoryOptions } from './outbox-memory';
