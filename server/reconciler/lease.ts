import "server-only";
import { db, Prisma } from "../db";

/**
 * Takes or renews the named lease for `holder` until now + ttl. True when this holder now owns it: the row
 * elects one leader among any number of replicas sharing the database.
 */
export async function acquireLease(
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}
