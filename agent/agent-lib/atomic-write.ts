import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";

/** Readers see the old file or the new one, never half of one: write a temp file, flush it, rename it. */
export function writeFileAtomic(path: string, content: string): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    fchmodSync(fd, 0o600); // a temp file left by a crash keeps its old mode otherwise
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
