// Samples waiting to be sent, oldest first: normally one, more after a cut-off or a failed heartbeat.
import { MAX_SAMPLES_PER_HEARTBEAT, type Sample } from "../protocol";

/** About 14 hours at a 10 s interval; beyond that the oldest samples are dropped. */
export const MAX_BUFFERED_SAMPLES = 5_000;

export class SampleBuffer {
  private samples: Sample[] = [];
  dropped = 0;

  constructor(private readonly capacity = MAX_BUFFERED_SAMPLES) {}

  push(sample: Sample): void {
    this.samples.push(sample);
    const excess = this.samples.length - this.capacity;
    if (excess > 0) {
      this.samples.splice(0, excess);
      this.dropped += excess;
    }
  }

  get size(): number {
    return this.samples.length;
  }

  /** The oldest samples, at most one heartbeat's worth, in rising seq order. */
  peekBatch(limit = MAX_SAMPLES_PER_HEARTBEAT): Sample[] {
    return this.samples.slice(0, limit);
  }

  /** Forgets the first `count` samples once the core has them (or refused them for good). */
  drop(count: number): void {
    this.samples.splice(0, count);
  }
}
