// /proc/net/dev: cumulative byte and packet counters per interface since it came up.

export type InterfaceCounters = {
  name: string;
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDropped: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
};

export type Traffic = { rxBytes: number; txBytes: number };

export function parseNetDev(text: string): InterfaceCounters[] {
  const out: InterfaceCounters[] = [];
  for (const line of text.split("\n")) {
    // Old kernels print "eth0:123" with no space once the counter is wide, so split on the colon.
    const colon = line.indexOf(":");
    if (colon < 0 || line.includes("|")) continue;
    const name = line.slice(0, colon).trim();
    const n = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
    if (!name || n.length < 16 || n.some((v) => !Number.isFinite(v))) continue;
    out.push({
      name,
      rxBytes: n[0],
      rxPackets: n[1],
      rxErrors: n[2],
      rxDropped: n[3],
      txBytes: n[8],
      txPackets: n[9],
      txErrors: n[10],
      txDropped: n[11],
    });
  }
  return out;
}

/** Totals over every interface but loopback, whose traffic never leaves the host. */
export function externalTraffic(interfaces: InterfaceCounters[]): Traffic {
  let rxBytes = 0;
  let txBytes = 0;
  for (const i of interfaces) {
    if (i.name === "lo") continue;
    rxBytes += i.rxBytes;
    txBytes += i.txBytes;
  }
  return { rxBytes, txBytes };
}

/** Megabits per second between two counter readings; a counter that went back (reset, wrap) gives 0. */
export function mbpsBetween(previousBytes: number, currentBytes: number, elapsedMs: number): number {
  const delta = currentBytes - previousBytes;
  if (elapsedMs <= 0 || delta <= 0) return 0;
  return (delta * 8) / 1e6 / (elapsedMs / 1000);
}
