/**
 * Another consumer now owns this partition: it claimed it after us (a higher epoch), so we were
 * paused or cut off long enough for the group to move on without us. Everything we do from here
 * would race the new owner. Fatal: the transaction has been rolled back; the consumer must stop and
 * never retry - the supervisor restarts it and it rejoins the group with a fresh claim.
 */
export class FencedError extends Error {
  override readonly name = 'FencedError';
  readonly fatal = true as const;

  constructor(
    readonly group: string,
    readonly topic: string,
    readonly partition: number,
    readonly claimedEpoch: number,
    readonly currentEpoch: number,
  ) {
    super(
      `Fenced: ${topic}[${partition}] of group ${group} was claimed again (epoch ${currentEpoch}) ` +
        `after this consumer's claim (epoch ${claimedEpoch}); this consumer must stop`,
    );
  }
}
