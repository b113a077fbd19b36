import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_SAMPLES_PER_HEARTBEAT, type Sample } from "../protocol";
import { writeFileAtomic } from "./atomic-write";

/** Samples are kept at least 24 h; the cap sits a little above so a day-long outage loses nothing. */
export const BUFFER_MAX_AGE_MS = 30 * 3600 * 1000;

export function bufferCapacity(intervalSec: number): number {
  return Math.ceil(BUFFER_MAX_AGE_MS / 1000 / Math.max(1, intervalSec));
}

/**
 * DIR/buffer.jsonl, one sample per line in rising seq: the outbox every sample goes through. A sample
 * leaves it only once the core has answered 200 for it, so a crash or an outage never loses one.
 */
export class SampleBuffer {
  readonly path: string;
  private samples: Sample[] = [];

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.path = join(dir, "buffer.jsonl");
    if (!existsSync(this.path)) return;
    const text = readFileSync(this.path, "utf8");
    const lines = text.split("\n").filter((l) => l.trim());
    const parsed = lines.map(parseLine).filter((s): s is Sample => s !== null);
    this.samples = parsed
      .sort((a, b) => a.seq - b.seq)
      .filter((s, i, all) => i === 0 || all[i - 1].seq !== s.seq);
    // A crash in the middle of an append leaves a torn last line; start again from a clean file.
    if (this.samples.length !== lines.length || (text && !text.endsWith("\n"))) this.rewrite();
  }

  get size(): number {
    return this.samples.length;
  }

  get lastSeq(): number | null {
    return this.samples.at(-1)?.seq ?? null;
  }

  append(sample: Sample): void {
    const last = this.lastSeq;
    if (last !== null && sample.seq <= last) throw new Error(`seq ${sample.seq} is not above ${last}`);
    appendFileSync(this.path, `${JSON.stringify(sample)}\n`, { mode: 0o600 });
    this.samples.push(sample);
  }

  /** The oldest samples, as many as one heartbeat may carry. */
  peek(limit = MAX_SAMPLES_PER_HEARTBEAT): Sample[] {
    return this.samples.slice(0, limit);
  }

  /** Forgets every sample up to and including `seq`; returns how many. */
  dropThrough(seq: number): number {
    const before = this.samples.length;
    this.samples = this.samples.filter((s) => s.seq > seq);
    const dropped = before - this.samples.length;
    if (dropped > 0) this.rewrite();
    return dropped;
  }

  /** Drops samples older than the age cap, then the oldest beyond `maxCount`; returns how many. */
  prune(nowMs: number, maxCount: number): number {
    const oldest = nowMs - BUFFER_MAX_AGE_MS;
    let start = 0;
    while (start < this.samples.length && Date.parse(this.samples[start].at) < oldest) start++;
    start = Math.max(start, this.samples.length - maxCount);
    if (start === 0) return 0;
    this.samples = this.samples.slice(start);
    this.rewrite();
    return start;
  }

  private rewrite(): void {
    writeFileAtomic(this.path, this.samples.map((s) => `${JSON.stringify(s)}\n`).join(""));
  }
}

function parseLine(line: string): Sample | null {
  try {
    const sample: Sample = JSON.parse(line);
    const isValid = Number.isSafeInteger(sample?.seq) && !Number.isNaN(Date.parse(sample.at));
    return isValid ? sample : null;
  } catch {
    return null;
  }
}
