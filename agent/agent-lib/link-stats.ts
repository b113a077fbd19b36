// The agent cannot ping from every satellite, so its own calls to the core stand in for the link's health.

export const LOSS_WINDOW = 20;

export type LinkFigures = { rttMs: number; lossPct: number; isLastCallOk: boolean };

export class LinkStats {
  private attempts: boolean[] = [];
  private rttMs = 0;

  /** `ok` means the core answered (any status but 5xx); `rttMs` is kept from successful heartbeats only. */
  record(ok: boolean, rttMs?: number): void {
    this.attempts.push(ok);
    if (this.attempts.length > LOSS_WINDOW) this.attempts.shift();
    if (ok && rttMs !== undefined) this.rttMs = rttMs;
  }

  figures(): LinkFigures {
    const failed = this.attempts.filter((ok) => !ok).length;
    return {
      rttMs: this.rttMs,
      lossPct: this.attempts.length ? (failed / this.attempts.length) * 100 : 0,
      isLastCallOk: this.attempts.at(-1) ?? true,
    };
  }
}
