// /proc/meminfo: "used" means what applications cannot get back, so MemAvailable rather than MemFree.

export type MemInfo = { totalKb: number; availableKb: number };

export function parseMeminfo(text: string): MemInfo {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^(\w+(?:\(\w+\))?):\s+(\d+)/.exec(line);
    if (match) values.set(match[1], Number(match[2]));
  }
  const totalKb = values.get("MemTotal");
  if (!totalKb) throw new Error("/proc/meminfo has no MemTotal");
  // Kernels before 3.14 have no MemAvailable; free + buffers + page cache is the usual estimate.
  const availableKb =
    values.get("MemAvailable") ??
    (values.get("MemFree") ?? 0) + (values.get("Buffers") ?? 0) + (values.get("Cached") ?? 0);
  return { totalKb, availableKb: Math.min(availableKb, totalKb) };
}

export function memUsedPct(info: MemInfo): number {
  return ((info.totalKb - info.availableKb) / info.totalKb) * 100;
}
