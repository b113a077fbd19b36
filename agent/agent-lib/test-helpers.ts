import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Sample } from "../protocol";

/** A fresh directory per test, removed afterwards. */
export function tempDirsRemovedAfterEach(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "orrery-agent-"));
    dirs.push(dir);
    return dir;
  };
}

export const T0 = Date.parse("2026-11-28T10:00:00Z");

export function sampleAt(seq: number, atMs: number): Sample {
  return {
    seq,
    at: new Date(atMs).toISOString(),
    cpuPct: 10,
    memPct: 20,
    diskPct: 30,
    rxMbps: 1,
    txMbps: 2,
    rttMs: 3,
    lossPct: 0,
    services: { compute: "ok", storage: "ok", network: "ok" },
  };
}
