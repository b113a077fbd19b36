// All host facts for one report. Each reader is bounded by its own time limit and never throws; a reader
// that fails anyway leaves its fact unknown (null) rather than losing the report.
import { release } from "node:os";
import type { FactsRequest } from "../../protocol";
import { readLastBackupAt } from "./backup";
import { readDiskEncrypted } from "./disk-encryption";
import { readFipsEnabled } from "./fips";
import { readOsFacts } from "./os-release";
import { readPendingSecurityUpdates } from "./security-updates";
import { realSources, type FactSources } from "./sources";
import { readTimeFacts } from "./time-sync";

export type CollectOptions = {
  agentVersion: string;
  procRoot?: string;
  sysRoot?: string;
  /** Where /etc and /usr/lib live, with a trailing slash (default "/"). */
  root?: string;
  backupHook?: string | null;
  sources?: FactSources;
  kernel?: () => string;
  now?: () => number;
};

const YEAR_MS = 365 * 86_400_000;

async function safely<T>(read: () => T | Promise<T>, unknown: T): Promise<T> {
  try {
    return await read();
  } catch {
    return unknown;
  }
}

export async function collectFacts(options: CollectOptions): Promise<FactsRequest> {
  const sources = options.sources ?? realSources;
  const now = options.now ?? Date.now;
  const [os, kernel, diskEncrypted, time, fipsEnabled, pendingSecurityUpdates, lastBackupAt] =
    await Promise.all([
      safely(() => readOsFacts(sources, options.root), { osName: null, osVersion: null }),
      safely(() => (options.kernel ?? release)().slice(0, 200) || null, null),
      safely(() => readDiskEncrypted(sources, options.sysRoot), null),
      safely(() => readTimeFacts(sources), { timeSynced: null, clockOffsetMs: null }),
      safely(() => readFipsEnabled(sources, options.procRoot), null),
      safely(() => readPendingSecurityUpdates(sources), null),
      safely(() => readLastBackupAt(sources, options.backupHook ?? null, now()), null),
    ]);
  return {
    agentVersion: options.agentVersion,
    ...os,
    kernel,
    diskEncrypted,
    timeSynced: time.timeSynced,
    // The core takes offsets within a year; a clock further off is still plainly out of sync.
    clockOffsetMs:
      time.clockOffsetMs === null ? null : Math.max(-YEAR_MS, Math.min(YEAR_MS, time.clockOffsetMs)),
    fipsEnabled,
    pendingSecurityUpdates,
    lastBackupAt: lastBackupAt?.toISOString() ?? null,
  };
}
