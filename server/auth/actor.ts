import type { Role } from "./policy";

/** Every kind of caller carries a role and a region scope, so one decision covers them all. */
type Scoped = {
  role: Role;
  /** null: every region. Otherwise the compliance regions this actor may act in. */
  regionIds: string[] | null;
};

export type UserActor = Scoped & { kind: "user"; id: string; email: string; name: string };
/** An automation token acts with its own role and scope; rows it creates name the user who made it. */
export type ApiTokenActor = Scoped & { kind: "apiToken"; id: string; name: string; userId: string };
export type AgentActor = Scoped & { kind: "agent"; id: string; name: string };
export type SystemActor = Scoped & { kind: "system"; id: null; name: string };

export type Actor = UserActor | ApiTokenActor | AgentActor | SystemActor;
export const ACTOR_KINDS = ["user", "apiToken", "agent", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The user a row's createdBy/issuedBy column names for this actor's writes, if any. */
export function personOf(actor: Actor | null): string | null {
  if (actor?.kind === "user") return actor.id;
  if (actor?.kind === "apiToken") return actor.userId;
  return null;
}

/** How the audit log and messages name the actor: an email, a token's or satellite's name, "reconciler". */
export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.email : actor.name;
}

/** The reconciler: the control plane acting on its own, everywhere. */
export const systemActor: SystemActor = {
  kind: "system",
  id: null,
  name: "reconciler",
  role: "admin",
  regionIds: null,
};
