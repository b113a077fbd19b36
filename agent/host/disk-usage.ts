import { statfsSync } from "node:fs";

export type StatfsFigures = { bsize: number; blocks: number; bfree: number; bavail: number };
export type DiskUsage = {
  path: string;
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  pct: number;
};

/** Same figure as df's Use%: blocks reserved for root count neither as used nor as available. */
export function diskUsageOf(path: string, s: StatfsFigures): DiskUsage {
  const usedBlocks = s.blocks - s.bfree;
  const usable = usedBlocks + s.bavail;
  return {
    path,
    totalBytes: s.blocks * s.bsize,
    usedBytes: usedBlocks * s.bsize,
    availableBytes: s.bavail * s.bsize,
    pct: usable > 0 ? (usedBlocks / usable) * 100 : 0,
  };
}

export function readDiskUsage(path: string): DiskUsage {
  return diskUsageOf(path, statfsSync(path));
}
