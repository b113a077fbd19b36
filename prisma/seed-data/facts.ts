// Host facts for the demo fleet, from the simulator's own model (agent/sim/facts-model.ts), so the demo shows
// compliance violations before any agent reports, and the simulator then reports the same facts. Pending
// satellites (never seen) and silent old agents get no row: their facts are unknown.
import { simulatedFacts } from "../../agent/sim/facts-model";
import { rngFor } from "../../agent/sim/prng";
import type { Db } from "../../server/db";

const BATCH = 1000;
/** A seeded report is a little old, as if each agent had reported within its last hour. */
const MAX_AGE_MS = 45 * 60_000;

export type FactsSeedSatellite = {
  id: string;
  slug: string;
  country: string;
  agentVersion: string | null;
  lifecycle: string;
};

export function seedFactsRows(satellites: FactsSeedSatellite[], nowMs: number) {
  const rows = [];
  for (const s of satellites) {
    if (s.lifecycle === "pending" || s.lifecycle === "decommissioned") continue;
    const agentVersion = s.agentVersion ?? "1.4.0";
    const facts = simulatedFacts({ slug: s.slug, country: s.country, agentVersion }, nowMs);
    if (!facts) continue;
    rows.push({
      satelliteId: s.id,
      osName: facts.osName ?? null,
      osVersion: facts.osVersion ?? null,
      kernel: facts.kernel ?? null,
      agentVersion,
      diskEncrypted: facts.diskEncrypted ?? null,
      timeSynced: facts.timeSynced ?? null,
      clockOffsetMs: facts.clockOffsetMs ?? null,
      fipsEnabled: facts.fipsEnabled ?? null,
      pendingSecurityUpdates: facts.pendingSecurityUpdates ?? null,
      lastBackupAt: facts.lastBackupAt ? new Date(facts.lastBackupAt) : null,
      reportedAt: new Date(nowMs - Math.floor(rngFor(s.slug, "facts-age")() * MAX_AGE_MS)),
    });
  }
  return rows;
}

/** Writes the fleet's facts in batches; returns how many satellites got facts. */
export async function seedFacts(db: Db, nowMs = Date.now()): Promise<number> {
  const satellites = await db.satellite.findMany({
    select: { id: true, slug: true, country: true, agentVersion: true, lifecycle: true },
  });
  const rows = seedFactsRows(satellites, nowMs);
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx.satelliteFacts.createMany({ data: rows.slice(i, i + BATCH) });
      }
    },
    { timeout: 600_000 },
  );
  return rows.length;
}
