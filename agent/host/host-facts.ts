import { cpus, hostname, loadavg, release, totalmem, uptime } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDiskUsage } from "./disk-usage";
import { parseNetDev, type InterfaceCounters } from "./net-dev";

export type HostCapacity = { cores: number; memoryGb: number; storageTb: number };

export function hostCapacity(diskPath: string): HostCapacity {
  return {
    cores: Math.max(1, cpus().length),
    memoryGb: Math.max(1, Math.round(totalmem() / 2 ** 30)),
    storageTb: Math.round((readDiskUsage(diskPath).totalBytes / 1e12) * 100) / 100,
  };
}

/** A host name as a satellite slug: lower-case letters, digits and single hyphens, 3 to 63 characters. */
export function slugFromHostname(name: string): string {
  const slug = name
    .toLowerCase()
    .split(".")[0]
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug.length >= 3 ? slug : `host-${slug || "unnamed"}`;
}

export type HostFacts = {
  hostname: string;
  kernel: string;
  uptimeSec: number;
  loadavg: number[];
  cores: number;
  interfaces: InterfaceCounters[];
};

export function hostFacts(procRoot: string): HostFacts {
  let interfaces: InterfaceCounters[] = [];
  try {
    interfaces = parseNetDev(readFileSync(join(procRoot, "net/dev"), "utf8"));
  } catch {
    // Diagnostics report what they can; a missing /proc/net/dev leaves the list empty.
  }
  return {
    hostname: hostname(),
    kernel: release(),
    uptimeSec: Math.round(uptime()),
    loadavg: loadavg().map((n) => Math.round(n * 100) / 100),
    cores: cpus().length,
    interfaces,
  };
}
