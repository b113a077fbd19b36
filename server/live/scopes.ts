import { z } from "zod";
import type { Permission } from "../auth/policy";

// What a live view can watch. Each scope has one cheap version (server/live/versions.ts) and the read
// permission it needs; an id names one satellite (its id or slug) or one incident.
export const LIVE_SCOPE_KINDS = ["commands", "incidents", "overview", "satellite", "incident"] as const;
export type LiveScopeKind = (typeof LIVE_SCOPE_KINDS)[number];

export type LiveScope =
  | { kind: "commands" | "incidents" | "overview"; key: string }
  | { kind: "satellite" | "incident"; key: string; id: string };

export const LIVE_SCOPE_PERMISSION: Record<LiveScopeKind, Permission> = {
  commands: "commands.read",
  incidents: "incidents.read",
  incident: "incidents.read",
  overview: "satellites.read",
  satellite: "satellites.read",
};

/** The most scopes one poll may ask about: a page watches one or two. */
export const MAX_LIVE_SCOPES = 8;

const SCOPE_TEXT = /^(commands|incidents|overview)$|^(satellite|incident):([A-Za-z0-9_-]{1,100})$/;

const Scope = z
  .string()
  .regex(SCOPE_TEXT, {
    message: "Scope must be commands, incidents, overview, satellite:<id or slug> or incident:<id>",
  })
  .transform((key): LiveScope => {
    const [, bare, kind, id] = SCOPE_TEXT.exec(key)!;
    if (bare) return { kind: bare as "commands" | "incidents" | "overview", key };
    return { kind: kind as "satellite" | "incident", key, id };
  });

/** `?scope=commands&scope=incident:abc`: at least one, at most MAX_LIVE_SCOPES, duplicates folded. */
export const LiveQuery = z.object({
  scope: z
    .union([z.string(), z.array(z.string())], { message: "Scope is required" })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(
      z
        .array(Scope)
        .min(1, { message: "Scope is required" })
        .max(MAX_LIVE_SCOPES, { message: `Ask about at most ${MAX_LIVE_SCOPES} scopes at once` }),
    ),
});
export type LiveQuery = z.infer<typeof LiveQuery>;
