// Fleet-wide counters and the status line printed every 10 s.

export class SimStats {
  enrolled = 0;
  heartbeats = 0;
  samplesSent = 0;
  duplicates = 0;
  commandsStarted = 0;
  commandsFinished = 0;
  readonly errors = new Map<string, number>();
  private lastHeartbeats = 0;
  private lastAtMs: number;

  constructor(nowMs: number) {
    this.lastAtMs = nowMs;
  }

  /** `status` 0 means the request never got an answer (network error or timeout). */
  error(status: number): void {
    const key = status === 0 ? "net" : String(status);
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  statusLine(
    nowMs: number,
    fleet: { running: number; total: number; cutOff: number; buffered: number },
  ): string {
    const seconds = Math.max(0.001, (nowMs - this.lastAtMs) / 1000);
    const rate = (this.heartbeats - this.lastHeartbeats) / seconds;
    this.lastHeartbeats = this.heartbeats;
    this.lastAtMs = nowMs;
    const errors = [...this.errors].map(([k, v]) => `${k}×${v}`).join(" ") || "none";
    const inFlight = this.commandsStarted - this.commandsFinished;
    return [
      `agents ${fleet.running}/${fleet.total}`,
      `${rate.toFixed(1)} hb/s`,
      `samples ${this.samplesSent}${this.duplicates ? ` (+${this.duplicates} dup)` : ""}`,
      `buffered ${fleet.buffered}`,
      `errors ${errors}`,
      `cut off ${fleet.cutOff}`,
      `commands ${this.commandsFinished} done, ${inFlight} running`,
    ].join(" · ");
  }
}
