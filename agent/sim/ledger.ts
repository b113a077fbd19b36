// What one simulated agent sent and what the core acknowledged, so a test can check the core against it:
// every acknowledged sample must be stored exactly once, and a stored sample is either acknowledged or in doubt
// (sent, but its answer never came back before the simulator stopped).
import type { HeartbeatResponse, Sample } from "../protocol";

export type LedgerReport = {
  /** Distinct samples sent at least once. */
  sent: number;
  /** Samples in a heartbeat the core answered 2xx: stored, whether this answer counted them new or not. */
  acked: number;
  /** Sum and highest of the acknowledged samples' seqs. */
  seqSum: number;
  seqMax: number;
  /** What the answers said: samples new to the core, and resends it already held. */
  stored: number;
  duplicates: number;
  /** Heartbeats that failed as the agent saw them (after the pool's retries). */
  errors: number;
  /** Samples a 4xx made the agent give up on: never stored. */
  dropped: number;
  /** Sent, never acknowledged: the core may or may not hold them. */
  inDoubtSeqs: number[];
  /** Taken but never sent (cut off, or waiting for the next beat). */
  unsent: number;
  /** Pushed out of a full buffer unacknowledged (sent or not): the core may or may not hold them. */
  overflowed: number;
};

export class SampleLedger {
  private sent = 0;
  private lastSentSeq = 0;
  private acked = 0;
  private seqSum = 0;
  private seqMax = 0;
  private stored = 0;
  private duplicates = 0;
  private errors = 0;
  private dropped = 0;

  /** Samples go out oldest first and seqs only grow, so "sent before" is "at most the highest seq sent". */
  onSend(samples: readonly Sample[]): void {
    for (const s of samples) {
      if (s.seq <= this.lastSentSeq) continue;
      this.sent++;
      this.lastSentSeq = s.seq;
    }
  }

  onAnswer(samples: readonly Sample[], answer: HeartbeatResponse): void {
    for (const s of samples) {
      this.acked++;
      this.seqSum += s.seq;
      if (s.seq > this.seqMax) this.seqMax = s.seq;
    }
    this.stored += answer.accepted;
    this.duplicates += answer.duplicates;
  }

  onError(): void {
    this.errors++;
  }

  onDrop(samples: readonly Sample[]): void {
    this.dropped += samples.length;
  }

  /** `buffered`: the agent's samples not acknowledged yet, oldest first; `overflowed`: those pushed out. */
  report(buffered: readonly Sample[], overflowed: number): LedgerReport {
    const inDoubt = buffered.filter((s) => s.seq <= this.lastSentSeq);
    return {
      sent: this.sent,
      acked: this.acked,
      seqSum: this.seqSum,
      seqMax: this.seqMax,
      stored: this.stored,
      duplicates: this.duplicates,
      errors: this.errors,
      dropped: this.dropped,
      inDoubtSeqs: inDoubt.map((s) => s.seq),
      unsent: buffered.length - inDoubt.length,
      overflowed,
    };
  }
}
