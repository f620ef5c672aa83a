/** Ready once the consumer runner has joined its group and the HTTP server listens; not ready while stopping. */
export class Readiness {
  private ready = false;
  private reason = 'starting';

  markReady(): void {
    this.ready = true;
    this.reason = 'ready';
  }

  markNotReady(reason: string): void {
    this.ready = false;
    this.reason = reason;
  }

  get state(): { ready: boolean; reason: string } {
    return { ready: this.ready, reason: this.reason };
  }
}
