import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { transaction } from "../db";

export const SessionClaims = z.object({ uid: z.string().min(1), sv: z.number().int() });
export type SessionClaims = z.infer<typeof SessionClaims>;

/** The claims of a decoded session token; anything else is no session. */
export function sessionClaims(token: unknown): SessionClaims | null {
  const parsed = SessionClaims.safeParse(token);
  return parsed.success ? parsed.data : null;
}

/**
 * Signing out ends the user's sessions on the server, not only the cookie in this browser: the session
 * version moves on, so a copied cookie stops working at once. A stale token ends nothing.
 */
export async function endSessions(token: unknown): Promise<boolean> {
  const claims = sessionClaims(token);
  if (!claims) return false;
  return transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: claims.uid, sessionVersion: claims.sv },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count === 0) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { id: claims.uid } });
    await recordAudit(
      tx,
      { type: "user", id: user.id, label: user.email },
      { action: "user.sign-out", targetType: "user", targetId: user.id, summary: `${user.email} signed out` },
    );
    return true;
  });
}
