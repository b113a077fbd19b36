import "server-only";
import type { Connectivity } from "@/lib/connectivity";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";

export type ConnectivityChange = { at: string; from: Connectivity; to: Connectivity };

/** The newest connectivity changes the reconciler recorded for a satellite. */
export async function connectivityHistory(
  ctx: Ctx,
  satelliteId: string,
  limit = 20,
): Promise<ConnectivityChange[]> {
  authorize(ctx, "satellites.read");
  const rows = await db.connectivityEvent.findMany({
    where: { satelliteId },
    orderBy: { at: "desc" },
    take: Math.min(Math.max(1, limit), 200),
  });
  return rows.map((r) => ({ at: r.at.toISOString(), from: r.from, to: r.to }));
}
