import "server-only";
import { recordAudit } from "./audit";
import { db, transaction } from "./db";
import { DEMO_EMAIL_DOMAIN } from "./startup-checks";

/** Emails are stored lower-cased (server/users/schemas.ts), so a suffix match finds every demo account. */
const enabledDemo = { email: { endsWith: DEMO_EMAIL_DOMAIN }, disabledAt: null };

export async function enabledDemoAccounts(): Promise<string[]> {
  const users = await db.user.findMany({
    where: enabledDemo,
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return users.map((u) => u.email);
}

/** Disables every enabled demo account and ends its sessions, with one audit row each; returns their emails. */
export async function disableDemoAccounts(now = new Date()): Promise<string[]> {
  return transaction(async (tx) => {
    const users = await tx.user.findMany({ where: enabledDemo, orderBy: { email: "asc" } });
    for (const user of users) {
      await tx.user.update({
        where: { id: user.id },
        data: { disabledAt: now, sessionVersion: { increment: 1 } },
      });
      await recordAudit(
        tx,
        { type: "system", label: "cli" },
        { action: "user.disable", targetType: "user", targetId: user.id, summary: `Disabled ${user.email}` },
      );
    }
    return users.map((u) => u.email);
  });
}
