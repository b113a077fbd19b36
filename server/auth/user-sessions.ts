import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { AppError, parseInput } from "../errors";
import { authorize, type Ctx } from "./context";

/** How stale a session's last-seen time may get before a request writes it again: reads stay reads. */
const TOUCH_EVERY_MS = 60_000;
/** next-auth's session lifetime: an older session has expired even if nobody ended it. */
const MAX_AGE_MS = 12 * 60 * 60_000;

export type UserSessionView = {
  id: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  isCurrent: boolean;
};

/** A browser and system a person recognises, from the user agent; never shown as the raw string. */
export function deviceOf(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : /curl|node|python|go-http/i.test(userAgent)
            ? "A script"
            : "A browser";
  const system = /iPhone|iPad/.test(userAgent)
    ? "iOS"
    : /Android/.test(userAgent)
      ? "Android"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} on ${system}` : browser;
}

export async function openUserSession(input: {
  userId: string;
  userAgent: string;
  ip?: string;
}): Promise<string> {
  const row = await db.userSession.create({
    data: { userId: input.userId, userAgent: input.userAgent.slice(0, 300), ip: input.ip ?? null },
  });
  return row.id;
}

/**
 * Whether a session a token names is still open (not ended from "Your account"), noting when it was last
 * seen at most once a minute. Tokens from before sessions were recorded name none and stay valid.
 */
export async function isSessionOpen(sid: unknown, userId: string, now = new Date()): Promise<boolean> {
  if (typeof sid !== "string") return true;
  const row = await db.userSession.findUnique({
    where: { id: sid },
    select: { userId: true, endedAt: true, lastSeenAt: true },
  });
  if (!row || row.endedAt || row.userId !== userId) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sid, endedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Signing out ends every session of the person (the session version moves on), so the list says so too. */
export async function endAllUserSessions(userId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

function ownUser(ctx: Ctx): string {
  authorize(ctx, "satellites.read");
  if (ctx.actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a person has browser sessions.");
  return ctx.actor.id;
}

export async function listMySessions(
  ctx: Ctx,
  currentSid: string | null,
  now = new Date(),
): Promise<UserSessionView[]> {
  const userId = ownUser(ctx);
  const rows = await db.userSession.findMany({
    where: { userId, endedAt: null, createdAt: { gt: new Date(now.getTime() - MAX_AGE_MS) } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    device: deviceOf(r.userAgent),
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    isCurrent: r.id === currentSid,
  }));
}

/** Ends one of the person's own sessions: its next request is signed out. */
export async function endMySession(ctx: Ctx, input: unknown, now = new Date()): Promise<void> {
  const userId = ownUser(ctx);
  const { id } = parseInput(z.object({ id: z.string().min(1).max(40) }), input);
  await transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id, userId, endedAt: null },
      data: { endedAt: now },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That session has already ended.");
    await recordAudit(tx, ctx, {
      action: "user.session-end",
      targetType: "user",
      targetId: userId,
      summary: `${ctx.actor!.kind === "user" ? ctx.actor!.email : userId} ended one of their sessions`,
    });
  });
}
