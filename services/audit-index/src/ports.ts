import type { AuditEntry } from './domain/audit-entry';

/** Where index rows go. Resolves once the row is durable (or was already there): only then may the offset be committed. */
export interface AuditStore {
  index(entry: AuditEntry): Promise<void>;
}

export const AUDIT_STORE = Symbol('AUDIT_STORE');
