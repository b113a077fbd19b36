import "server-only";
import { retireUnusedRotationTokens, ROTATE_COMMAND } from "../agents/rotation";
import { recordAudit } from "../audit";
import { type CommandChanges, type LifecycleCommand, MAX_DELIVERIES, nextState } from "../commands/lifecycle";
import { db, type Prisma, transaction, type Tx } from "../db";

type Due = LifecycleCommand & { id: string; type: string; satellite: { slug: string } };
type Settled = { command: Due; changes: CommandChanges };

const CHUNK = 500;

/**
 * Commands whose lease ran out go back to the queue for another delivery; after the tenth delivery they fail
 * as undeliverable. Commands past expiresAt that were never acknowledged expire. The lifecycle decides each
 * one; the writes repeat its conditions so an ack or a delivery that lands meanwhile is not overwritten.
 */
export async function settleCommands(
  now: Date,
): Promise<{ requeued: number; failed: number; expired: number }> {
  const lapsed = { state: "delivered" as const, leaseUntil: { lte: now } };
  const where = { OR: [lapsed, { state: "queued" as const, expiresAt: { lte: now } }] };
  // A cheap read first: most ticks have nothing to settle and need not take the write lock at all.
  const any = await db.command.findFirst({ where, select: { id: true } });
  if (!any) return { requeued: 0, failed: 0, expired: 0 };
  return transaction(async (tx) => {
    const due: Due[] = await tx.command.findMany({
      where,
      select: {
        id: true,
        type: true,
        state: true,
        deliveries: true,
        leaseUntil: true,
        expiresAt: true,
        message: true,
        satellite: { select: { slug: true } },
      },
    });
    const byOutcome = { queued: [] as Settled[], failed: [] as Settled[], expired: [] as Settled[] };
    for (const command of due) {
      // The deadline comes first: an overdue command expires rather than being delivered or failed again.
      const expiry = nextState(command, { type: "deadline-passed" }, now);
      const t = expiry.kind === "moved" ? expiry : nextState(command, { type: "lease-expired" }, now);
      if (t.kind !== "moved") continue;
      const outcome = t.changes.state as keyof typeof byOutcome;
      byOutcome[outcome]?.push({ command, changes: t.changes });
    }
    const expired = await writeAll(tx, byOutcome.expired, now);
    const requeued = await writeAll(tx, byOutcome.queued, now);
    const failed: Due[] = [];
    for (const s of byOutcome.failed) if ((await write(tx, [s], now)) === 1) failed.push(s.command);
    for (const c of failed) {
      await recordAudit(
        tx,
        { type: "system", label: "reconciler" },
        {
          action: "command.failed",
          targetType: "command",
          targetId: c.id,
          summary: `${c.type} on ${c.satellite.slug} failed: no ack after ${MAX_DELIVERIES} deliveries`,
        },
      );
    }
    const rotations = [...byOutcome.expired.map((s) => s.command), ...failed];
    await retireUnusedRotationTokens(
      tx,
      rotations.filter((c) => c.type === ROTATE_COMMAND).map((c) => c.id),
      now,
    );
    return { requeued, failed: failed.length, expired };
  });
}

async function writeAll(tx: Tx, settled: Settled[], now: Date): Promise<number> {
  let count = 0;
  for (const state of ["queued", "delivered"] as const) {
    const from = settled.filter((s) => s.command.state === state);
    for (let i = 0; i < from.length; i += CHUNK) count += await write(tx, from.slice(i, i + CHUNK), now);
  }
  return count;
}

/** Writes one outcome for commands that share a state; each row only if it is still as it was read. */
async function write(tx: Tx, settled: Settled[], now: Date): Promise<number> {
  if (settled.length === 0) return 0;
  const { state } = settled[0].command;
  const guard: Prisma.CommandWhereInput =
    state === "delivered" ? { state, leaseUntil: { lte: now } } : { state, expiresAt: { lte: now } };
  const { count } = await tx.command.updateMany({
    where: { id: { in: settled.map((s) => s.command.id) }, ...guard },
    data: settled[0].changes,
  });
  return count;
}
