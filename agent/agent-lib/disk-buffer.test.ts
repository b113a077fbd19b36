import { appendFileSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUFFER_MAX_AGE_MS, bufferCapacity, SampleBuffer } from "./disk-buffer";
import { sampleAt, T0, tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();
const lines = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean);

function filled(dir: string, count: number, intervalMs = 10_000): SampleBuffer {
  const buffer = new SampleBuffer(dir);
  for (let seq = 1; seq <= count; seq++) buffer.append(sampleAt(seq, T0 + seq * intervalMs));
  return buffer;
}

describe("SampleBuffer", () => {
  it("appends one line per sample, readable by the owner only", () => {
    const dir = tempDir();
    const buffer = filled(dir, 3);
    expect(buffer.size).toBe(3);
    expect(lines(buffer.path).map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3]);
    expect(statSync(buffer.path).mode & 0o777).toBe(0o600);
  });

  it("hands out the oldest samples in batches of at most 500", () => {
    const buffer = filled(tempDir(), 1203);
    const batch = buffer.peek();
    expect(batch).toHaveLength(500);
    expect(batch[0].seq).toBe(1);
    expect(batch[499].seq).toBe(500);
    expect(buffer.peek(2).map((s) => s.seq)).toEqual([1, 2]);
  });

  it("forgets samples only when told they were acknowledged, on disk too", () => {
    const dir = tempDir();
    const buffer = filled(dir, 1203);
    expect(buffer.dropThrough(500)).toBe(500);
    expect(buffer.peek()[0].seq).toBe(501);
    expect(buffer.dropThrough(1000)).toBe(500);
    expect(buffer.peek().map((s) => s.seq)).toEqual(
      [1001, 1002, 1003].concat([...Array(200)].map((_, i) => 1004 + i)),
    );
    expect(buffer.dropThrough(1203)).toBe(203);
    expect(buffer.size).toBe(0);
    expect(lines(buffer.path)).toEqual([]);
    expect(new SampleBuffer(dir).size).toBe(0);
  });

  it("survives a reopen with the same samples in the same order", () => {
    const dir = tempDir();
    filled(dir, 5).dropThrough(2);
    const reopened = new SampleBuffer(dir);
    expect(reopened.peek().map((s) => s.seq)).toEqual([3, 4, 5]);
    expect(reopened.lastSeq).toBe(5);
    reopened.append(sampleAt(6, T0));
    expect(new SampleBuffer(dir).peek().map((s) => s.seq)).toEqual([3, 4, 5, 6]);
  });

  it("drops a torn last line left by a crash and keeps appending cleanly", () => {
    const dir = tempDir();
    const buffer = filled(dir, 2);
    appendFileSync(buffer.path, '{"seq":3,"at":"2026-11');
    const reopened = new SampleBuffer(dir);
    expect(reopened.peek().map((s) => s.seq)).toEqual([1, 2]);
    reopened.append(sampleAt(3, T0));
    expect(lines(reopened.path)).toHaveLength(3);
    expect(new SampleBuffer(dir).lastSeq).toBe(3);
  });

  it("refuses a sample whose seq does not grow", () => {
    const buffer = filled(tempDir(), 2);
    expect(() => buffer.append(sampleAt(2, T0))).toThrow(/not above/);
  });

  it("caps by age: nothing older than 30 hours stays", () => {
    const dir = tempDir();
    const buffer = new SampleBuffer(dir);
    const now = T0 + 40 * 3600_000;
    buffer.append(sampleAt(1, now - BUFFER_MAX_AGE_MS - 1));
    buffer.append(sampleAt(2, now - BUFFER_MAX_AGE_MS));
    buffer.append(sampleAt(3, now - 24 * 3600_000));
    expect(buffer.prune(now, 1_000_000)).toBe(1);
    expect(new SampleBuffer(dir).peek().map((s) => s.seq)).toEqual([2, 3]);
  });

  it("caps by count at 30 hours' worth of the interval, dropping the oldest", () => {
    expect(bufferCapacity(10)).toBe(10_800);
    expect(bufferCapacity(60)).toBe(1800);
    const buffer = filled(tempDir(), 10);
    expect(buffer.prune(T0 + 11 * 10_000, 4)).toBe(6);
    expect(buffer.peek().map((s) => s.seq)).toEqual([7, 8, 9, 10]);
    expect(buffer.prune(T0 + 11 * 10_000, 4)).toBe(0);
  });

  it("keeps a full day of samples at a 10 s interval", () => {
    const buffer = new SampleBuffer(tempDir());
    const day = (24 * 3600) / 10;
    for (let seq = 1; seq <= day; seq++) buffer.append(sampleAt(seq, T0 + seq * 10_000));
    expect(buffer.prune(T0 + (day + 1) * 10_000, bufferCapacity(10))).toBe(0);
    expect(buffer.size).toBe(day);
  });
});
