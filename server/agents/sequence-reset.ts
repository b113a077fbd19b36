import "server-only";
import type { Tx } from "../db";

export type SequenceReset = { previousLastSeq: bigint | null; archived: number };

/**
 * Re-enrollment starts the satellite's seq space afresh: the high-water mark is forgotten, so a poisoned one
 * (a stolen token sending 2^53−1) no longer freezes health, and the raw samples stored so far move below
 * every seq an agent may send (seq ≥ 0), keeping their time and figures for charts and roll-ups. An agent
 * that restarts its counter, or continues it, is then never mistaken for a duplicate of old rows.
 */
export async function restartSequence(tx: Tx, satelliteId: string): Promise<SequenceReset> {
  const before = await tx.satellite.findUniqueOrThrow({
    where: { id: satelliteId },
    select: { lastSeq: true },
  });
  await tx.satellite.update({ where: { id: satelliteId }, data: { lastSeq: null } });
  const range = await tx.telemetrySample.aggregate({
    where: { satelliteId },
    _min: { seq: true },
    _max: { seq: true },
  });
  const max = range._max.seq;
  const min = range._min.seq;
  if (max === null || min === null || max < 0n) return { previousLastSeq: before.lastSeq, archived: 0 };
  // [0, max] moves to [floor − max − 1, floor − 1]: below the rows archived before, never onto one.
  const floor = min < 0n ? min : 0n;
  const shift = max + 1n - floor;
  const archived = await tx.$executeRaw`UPDATE "TelemetrySample" SET "seq" = "seq" - ${shift}
    WHERE "satelliteId" = ${satelliteId} AND "seq" >= 0`;
  return { previousLastSeq: before.lastSeq, archived };
}
