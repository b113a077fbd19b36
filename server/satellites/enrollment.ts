import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import { publicUrl } from "../env";

export type Enrollment = {
  /** When its agent last enrolled and still holds a working credential; null if it never did. */
  enrolledAt: string | null;
  /** The address an agent dials: the core's public URL. */
  coreUrl: string;
};

/** What a satellite's page needs to say how to enroll it: whether an agent holds a credential, and where. */
export async function enrollmentOf(ctx: Ctx, satelliteId: string): Promise<Enrollment> {
  authorize(ctx, "satellites.read");
  const credential = await db.agentCredential.findFirst({
    where: { satelliteId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return { enrolledAt: credential?.createdAt.toISOString() ?? null, coreUrl: publicUrl() };
}
