import type { TextTranslated } from '@ecris/contracts';
import type { SqlExecutor } from '@ecris/messaging';
import {
  convictionKeyString,
  RegisterWriter,
  type ConvictionHead,
  type ConvictionKey,
  type DeferredUpdate,
  type Deletion,
  type NewConviction,
  type NewPerson,
  type NewVersion,
  type PersonIdentifier,
} from '@ecris/register';

type ForeignKey = Extract<ConvictionKey, { origin: 'FOREIGN' }>;

/**
 * The register writer of a ledger batch (many records, one transaction). It reads ahead, in two
 * statements, the convictions the batch's records will look up (locked) and which of them have updates
 * held for them; it holds back new convictions and writes them as one statement before the batch
 * commits. So a new foreign conviction costs no round trip of its own but its person search.
 *
 * Any other write first writes what is held back, then goes to the database as usual, and what was read
 * ahead is forgotten: from then on the database answers. Which keys to read ahead is only a guess from
 * the records' values (`keysOf`); a key it missed is simply looked up in the database.
 */
export class BatchRegisterWriter extends RegisterWriter {
  /** By convictionKeyString, for keys read ahead: the head as the batch has it, null for none. */
  private readonly heads = new Map<string, ConvictionHead | null>();
  /** Keys read ahead with no updates held for them. */
  private readonly noDeferredUpdates = new Set<string>();
  private unwritten: NewConviction[] = [];

  private constructor(
    tx: SqlExecutor,
    /** Told when the batch writes a person or its identifiers (a search run ahead may now be stale). */
    private readonly personsChanged: () => void,
  ) {
    super(tx);
  }

  static async readAhead(tx: SqlExecutor, values: readonly unknown[], personsChanged: () => void = () => undefined): Promise<BatchRegisterWriter> {
    const writer = new BatchRegisterWriter(tx, personsChanged);
    const keys = [...new Map(values.flatMap(keysOf).map((key) => [convictionKeyString(key), key])).values()];
    if (keys.length === 0) return writer;
    const found = await writer.findConvictions(keys);
    for (const key of keys) writer.heads.set(convictionKeyString(key), found.get(convictionKeyString(key)) ?? null);
    const foreign = keys.filter((key): key is ForeignKey => key.origin === 'FOREIGN');
    const deferred = foreign.length > 0 ? await writer.deferredUpdateKeys(foreign) : new Set<string>();
    for (const key of foreign) if (!deferred.has(convictionKeyString(key))) writer.noDeferredUpdates.add(convictionKeyString(key));
    return writer;
  }

  override async findConviction(key: ConvictionKey): Promise<ConvictionHead | undefined> {
    const known = this.heads.get(convictionKeyString(key));
    if (known !== undefined) return known ?? undefined;
    await this.flush();
    return super.findConviction(key);
  }

  override async createConviction(conviction: NewConviction): Promise<void> {
    const key = convictionKeyString(conviction.key);
    if (this.heads.get(key) !== null) {
      await this.flush();
      await super.createConviction(conviction);
      this.forget();
      return;
    }
    this.unwritten.push(conviction);
    this.heads.set(key, {
      convictionId: conviction.convictionId,
      personId: conviction.personId,
      identification: conviction.identification,
      version: 1,
      deleted: false,
      sourceMessageId: conviction.sourceMessageId,
      content: conviction.content,
    });
  }

  override async takeDeferredUpdates(convictingState: string, ecrisConvictionId: string): Promise<DeferredUpdate[]> {
    if (this.noDeferredUpdates.has(convictionKeyString({ origin: 'FOREIGN', convictingState, ecrisConvictionId }))) return [];
    await this.flush();
    return super.takeDeferredUpdates(convictingState, ecrisConvictionId);
  }

  override async createPerson(person: NewPerson, at: string): Promise<void> {
    await this.flush();
    await super.createPerson(person, at);
    this.personsChanged();
  }

  override async addIdentifiers(personId: string, identifiers: readonly PersonIdentifier[]): Promise<void> {
    await this.flush();
    await super.addIdentifiers(personId, identifiers);
    this.personsChanged();
  }

  override async addVersion(next: NewVersion): Promise<number> {
    await this.flush();
    this.forget();
    return super.addVersion(next);
  }

  override async markDeleted(deletion: Deletion): Promise<number> {
    await this.flush();
    this.forget();
    return super.markDeleted(deletion);
  }

  override async deferUpdate(update: DeferredUpdate): Promise<void> {
    await this.flush();
    this.forget();
    await super.deferUpdate(update);
  }

  /** Writes the new convictions held back: before any other write, and before the batch commits. */
  async flush(): Promise<void> {
    const convictions = this.unwritten;
    this.unwritten = [];
    await this.createConvictions(convictions);
  }

  /** After a write straight to the database, it answers for everything read ahead. */
  private forget(): void {
    this.heads.clear();
    this.noDeferredUpdates.clear();
  }
}

/**
 * The convictions a record will look up, guessed from its value as the handlers read it: a court
 * event's court reference; a translated NOT's conviction, or the one it updates. Anything else: none.
 */
function keysOf(value: unknown): ConvictionKey[] {
  const record = value as Partial<TextTranslated> & { convictionReference?: unknown };
  if (typeof record.convictionReference === 'string') return [{ origin: 'UK', courtReference: record.convictionReference }];
  const first = Array.isArray(record.convictions) ? record.convictions[0] : undefined;
  if (record.messageType !== 'NOT' || typeof record.senderState !== 'string' || !first) return [];
  const keys: ConvictionKey[] = [{ origin: 'FOREIGN', convictingState: record.senderState, ecrisConvictionId: first.convictionId }];
  const updated = record.updatedConvictionReference?.ecrisConvictionId;
  if (updated) keys.push({ origin: 'FOREIGN', convictingState: record.senderState, ecrisConvictionId: updated });
  return keys;
}
