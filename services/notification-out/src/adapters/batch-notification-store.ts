import type { CourtConviction } from '@ecris/contracts';
import { categoryCodesOf } from '../domain/classification';
import type { CategoryDecision, ConvictionState, NotificationRecord, Plan } from '../domain/model';
import type { NotificationStore } from '../ports';
import type { PgNotificationStore } from './pg-notification-store';

/**
 * The NotificationStore of a ledger batch (many records, one transaction). It reads ahead, in three
 * statements, what the batch's court events will ask for: their convictions (locked), those convictions'
 * NOTs (locked) and the operators' decisions on their codes. It holds back the inserts of new
 * convictions and NOTs, and writes them as two multi-row statements before the batch commits. So a court
 * event costs no round trip of its own.
 *
 * Anything else (an update, a read by message id) first writes what is held back and then goes to the
 * database as usual; what it touches is forgotten here, so from then on the database answers for it.
 */
export class BatchNotificationStore implements NotificationStore {
  /** By conviction reference, for references read ahead: the conviction as the batch has it, null for none. */
  private readonly convictions = new Map<string, ConvictionState | null>();
  /** By conviction reference, for the same references: its NOTs, oldest first. */
  private readonly notifications = new Map<string, NotificationRecord[]>();
  /** By `scheme:code`, for codes read ahead: the operators' decision, null for none. */
  private readonly decisions = new Map<string, CategoryDecision | null>();
  private unwrittenConvictions: ConvictionState[] = [];
  private unwrittenNotifications: NotificationRecord[] = [];

  private constructor(private readonly db: PgNotificationStore) {}

  /** Reads ahead for the batch's decoded values (court events; other values are passed over). */
  static async readAhead(db: PgNotificationStore, values: readonly unknown[]): Promise<BatchNotificationStore> {
    const store = new BatchNotificationStore(db);
    const references = [...new Set(values.map(referenceOf).filter((reference): reference is string => reference !== undefined))];
    const convictions = values.map(courtConvictionOf);
    if (references.length > 0) {
      const found = await db.convictionsByReference(references);
      const notifications = found.size > 0 ? await db.notificationsOfEach([...found.keys()]) : new Map<string, NotificationRecord[]>();
      for (const reference of references) {
        const state = found.get(reference);
        store.convictions.set(reference, state ?? null);
        store.notifications.set(reference, notifications.get(reference) ?? []);
        // An amendment classifies the conviction as it stood too.
        if (state) convictions.push(state.conviction);
      }
    }
    const { offenceCodes, disposalCodes } = categoryCodesOf(convictions);
    for (const code of offenceCodes) store.decisions.set(decisionKey('offence', code), null);
    for (const code of disposalCodes) store.decisions.set(decisionKey('sentence', code), null);
    for (const decision of await db.categoryDecisions(offenceCodes, disposalCodes)) {
      store.decisions.set(decisionKey(decision.scheme, decision.nationalCode), decision);
    }
    return store;
  }

  async conviction(convictionReference: string): Promise<ConvictionState | undefined> {
    if (this.convictions.has(convictionReference)) return this.convictions.get(convictionReference) ?? undefined;
    await this.flush();
    return this.db.conviction(convictionReference);
  }

  async notificationsOf(convictionReference: string): Promise<NotificationRecord[]> {
    const known = this.notifications.get(convictionReference);
    if (known) return [...known];
    await this.flush();
    return this.db.notificationsOf(convictionReference);
  }

  async notification(messageId: string): Promise<NotificationRecord | undefined> {
    await this.flush();
    return this.db.notification(messageId);
  }

  async heldNotifications(): Promise<NotificationRecord[]> {
    await this.flush();
    return this.db.heldNotifications();
  }

  async categoryDecisions(offenceCodes: readonly string[], disposalCodes: readonly string[]): Promise<CategoryDecision[]> {
    const keys = [...offenceCodes.map((code) => decisionKey('offence', code)), ...disposalCodes.map((code) => decisionKey('sentence', code))];
    if (!keys.every((key) => this.decisions.has(key))) return this.db.categoryDecisions(offenceCodes, disposalCodes);
    return keys.map((key) => this.decisions.get(key)).filter((decision): decision is CategoryDecision => decision !== null && decision !== undefined);
  }

  async write(plan: Plan): Promise<void> {
    if (this.canHoldBack(plan)) {
      if (plan.conviction) {
        this.unwrittenConvictions.push(plan.conviction);
        this.convictions.set(plan.conviction.convictionReference, plan.conviction);
      }
      for (const row of plan.inserted) {
        this.unwrittenNotifications.push(row);
        this.notifications.get(row.convictionReference)!.push(row);
      }
      return;
    }
    await this.flush();
    await this.db.write(plan);
    this.forget(plan);
  }

  /** Writes what is held back: before any other statement, and before the batch commits. */
  async flush(): Promise<void> {
    const convictions = this.unwrittenConvictions;
    const notifications = this.unwrittenNotifications;
    this.unwrittenConvictions = [];
    this.unwrittenNotifications = [];
    // Convictions first: a NOT references its conviction.
    if (convictions.length > 0) await this.db.insertConvictions(convictions);
    if (notifications.length > 0) await this.db.insertNotifications(notifications);
  }

  /** Only inserts, of convictions read ahead as absent and of NOTs of convictions read ahead. */
  private canHoldBack(plan: Plan): boolean {
    if (plan.updated.length > 0 || plan.categoryDecision) return false;
    if (plan.conviction && (plan.conviction.version !== 1 || this.convictions.get(plan.conviction.convictionReference) !== null)) return false;
    return plan.inserted.every((row) => this.notifications.has(row.convictionReference));
  }

  /** What a plan wrote straight to the database is the database's to answer for from now on. */
  private forget(plan: Plan): void {
    for (const reference of [plan.conviction?.convictionReference, ...plan.inserted.map((r) => r.convictionReference), ...plan.updated.map((r) => r.convictionReference)]) {
      if (reference === undefined) continue;
      this.convictions.delete(reference);
      this.notifications.delete(reference);
    }
    if (plan.categoryDecision) this.decisions.delete(decisionKey(plan.categoryDecision.scheme, plan.categoryDecision.nationalCode));
  }
}

function decisionKey(scheme: CategoryDecision['scheme'], code: string): string {
  return `${scheme}:${code}`;
}

/** The conviction reference of a court event (recorded, amended, removed); undefined for anything else. */
function referenceOf(value: unknown): string | undefined {
  const reference = (value as { convictionReference?: unknown } | null)?.convictionReference;
  return typeof reference === 'string' ? reference : undefined;
}

function courtConvictionOf(value: unknown): CourtConviction | null {
  const conviction = (value as { conviction?: unknown } | null)?.conviction;
  const looksLikeOne =
    typeof conviction === 'object' &&
    conviction !== null &&
    Array.isArray((conviction as CourtConviction).offences) &&
    Array.isArray((conviction as CourtConviction).sentences);
  return looksLikeOne ? (conviction as CourtConviction) : null;
}
