import "server-only";
import { actorLabel, type Actor, type ActorKind } from "./auth/actor";
import type { Ctx } from "./auth/context";
import type { Prisma, Tx } from "./db";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  data?: Prisma.InputJsonValue;
};

/** An actor named directly, by callers that act without a ctx (the agent protocol, the CLI). */
type ActorRef = { type: ActorKind; id?: string | null; label: string };

function actorOf(who: Ctx | Actor | ActorRef): ActorRef {
  if ("type" in who) return who;
  const actor = "kind" in who ? who : who.actor;
  if (actor) return { type: actor.kind, id: actor.id, label: actorLabel(actor) };
  return { type: "system", label: "system" };
}

/** Written inside the caller's transaction: if the audit row fails, the change does not happen. */
export async function recordAudit(tx: Tx, who: Ctx | Actor | ActorRef, input: AuditInput): Promise<void> {
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
