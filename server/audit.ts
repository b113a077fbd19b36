import "server-only";
import type { Ctx } from "./auth/context";
import type { Prisma, Tx } from "./db";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  data?: Prisma.InputJsonValue;
};

type ActorRef = { type: "user" | "agent" | "system"; id?: string | null; label: string };

function actorOf(ctx: Ctx | ActorRef): ActorRef {
  if ("type" in ctx) return ctx;
  if (ctx.actor) return { type: "user", id: ctx.actor.id, label: ctx.actor.email };
  return { type: "system", label: "system" };
}

/** Written inside the caller's transaction: if the audit row fails, the change does not happen. */
export async function recordAudit(tx: Tx, who: Ctx | ActorRef, input: AuditInput): Promise<void> {
  const actor = actorOf(who);
  const ctx = "actor" in who ? who : undefined;
  await tx.auditEvent.create({
    data: {
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      summary: input.summary,
      data: input.data,
      ip: ctx?.ip ?? null,
      requestId: ctx?.requestId ?? null,
    },
  });
}
