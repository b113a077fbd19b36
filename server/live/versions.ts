import "server-only";
import { createHash } from "node:crypto";
import { authorize, type Ctx } from "../auth/context";
import { tagJson, type TaggedJson } from "../cache/tagged-json";
import { db, dbKind, Prisma } from "../db";
import { pgDate, sqliteDate } from "../db-raw";
import { validationError } from "../errors";
import { LIVE_SCOPE_PERMISSION, LiveQuery, type LiveScope } from "./scopes";

// One version per scope, read from the database in one statement of indexed lookups, so every replica
// answers the same and nothing is counted in memory. A version changes when what the scope's page shows
// changes: a set of open rows is watched through its count and its newest updatedAt (a row entering or
// changing raises the max, a row leaving lowers the count), never through every heartbeat's lastSeenAt.

const OPEN_COMMANDS = Prisma.sql`('queued', 'delivered', 'running')`;
const OPEN_INCIDENTS = Prisma.sql`('investigating', 'identified', 'monitoring')`;

/** `now` as the column's own text on SQLite (ISO with +00:00), as timestamp(3) on PostgreSQL. */
function moment(now: Date): Prisma.Sql {
  return dbKind === "sqlite"
    ? Prisma.sql`${sqliteDate(now)}`
    : Prisma.sql`CAST(${pgDate(now)} AS timestamp(3))`;
}

function statement(scope: LiveScope, now: Date): Prisma.Sql {
  switch (scope.kind) {
    case "commands":
      return Prisma.sql`SELECT
        (SELECT MAX("issuedAt") FROM "Command") AS "issued",
        (SELECT COUNT(*) FROM "Command" WHERE "state" IN ${OPEN_COMMANDS}) AS "open",
        (SELECT MAX("updatedAt") FROM "Command" WHERE "state" IN ${OPEN_COMMANDS}) AS "touched"`;
    case "satellite":
      // Its row's slow-moving fields (not lastSeenAt, which moves every beat: connectivity is the state
      // the reconciler recorded), its commands, and the incidents that name it.
      return Prisma.sql`SELECT s."id", s."name", s."regionId", s."labelText", s."lifecycle",
        s."reportedHealth", s."healthChangedAt", s."services", s."recordedConnectivity",
        s."stackVersion", s."agentVersion", s."heartbeatIntervalSec", s."decommissionedAt",
        (SELECT COUNT(*) FROM "Command" c WHERE c."satelliteId" = s."id") AS "commands",
        (SELECT COUNT(*) FROM "Command" c WHERE c."satelliteId" = s."id" AND c."state" IN ${OPEN_COMMANDS}) AS "open",
        (SELECT MAX(c."updatedAt") FROM "Command" c
          WHERE c."satelliteId" = s."id" AND c."state" IN ${OPEN_COMMANDS}) AS "touched",
        (SELECT MAX(i."updatedAt") FROM "IncidentSatellite" x JOIN "Incident" i ON i."id" = x."incidentId"
          WHERE x."satelliteId" = s."id") AS "incidents"
        FROM "Satellite" s WHERE s."id" = ${scope.id} OR s."slug" = ${scope.id}`;
    case "incidents":
      return Prisma.sql`SELECT
        (SELECT COUNT(*) FROM "Incident") AS "all",
        (SELECT COUNT(*) FROM "Incident" WHERE "status" IN ${OPEN_INCIDENTS}) AS "open",
        (SELECT MAX("updatedAt") FROM "Incident" WHERE "status" IN ${OPEN_INCIDENTS}) AS "touched",
        (SELECT COUNT(*) FROM "MaintenanceWindow" WHERE "endsAt" > ${moment(now)}) AS "notEnded",
        (SELECT COUNT(*) FROM "MaintenanceWindow" WHERE "startsAt" > ${moment(now)}) AS "upcoming",
        (SELECT MAX("updatedAt") FROM "MaintenanceWindow" WHERE "endsAt" > ${moment(now)}) AS "maintenance"`;
    case "incident":
      // Posting an update, resolving, publishing and editing the satellites all touch updatedAt.
      return Prisma.sql`SELECT i."updatedAt",
        (SELECT COUNT(*) FROM "IncidentUpdate" u WHERE u."incidentId" = i."id") AS "updates",
        (SELECT COUNT(*) FROM "IncidentSatellite" x JOIN "Satellite" s ON s."id" = x."satelliteId"
          WHERE x."incidentId" = i."id" AND s."recordedConnectivity" = 'connected') AS "connected",
        (SELECT COUNT(*) FROM "IncidentSatellite" x JOIN "Satellite" s ON s."id" = x."satelliteId"
          WHERE x."incidentId" = i."id" AND s."recordedConnectivity" = 'offline') AS "offline",
        (SELECT MAX(s."healthChangedAt") FROM "IncidentSatellite" x JOIN "Satellite" s ON s."id" = x."satelliteId"
          WHERE x."incidentId" = i."id") AS "health"
        FROM "Incident" i WHERE i."id" = ${scope.id}`;
    case "overview":
      // Index-only counts: health by its index, connectivity by the stored deadlines the lists filter on.
      return Prisma.sql`SELECT
        (SELECT COUNT(*) FROM "Satellite" WHERE "reportedHealth" = 'critical') AS "critical",
        (SELECT COUNT(*) FROM "Satellite" WHERE "reportedHealth" = 'degraded') AS "degraded",
        (SELECT COUNT(*) FROM "Satellite" WHERE "reportedHealth" = 'healthy') AS "healthy",
        (SELECT COUNT(*) FROM "Satellite" WHERE "offlineAfter" <= ${moment(now)}) AS "offline",
        (SELECT COUNT(*) FROM "Satellite" WHERE "staleAfter" <= ${moment(now)}) AS "stale",
        (SELECT COUNT(*) FROM "Satellite" WHERE "lifecycle" = 'active') AS "active",
        (SELECT COUNT(*) FROM "Satellite") AS "all",
        (SELECT COUNT(*) FROM "Incident" WHERE "status" IN ${OPEN_INCIDENTS}) AS "incidents",
        (SELECT COUNT(*) FROM "Command" WHERE "state" IN ${OPEN_COMMANDS}) AS "commands"`;
  }
}

/** Driver values (bigint counts, Dates, JSON text) as one stable string. */
function digest(rows: unknown[]): string {
  const text = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
  return createHash("sha1").update(text).digest("base64url").slice(0, 16);
}

/** One scope's version; a satellite or incident that does not exist has a version too ("none"). */
export async function scopeVersion(scope: LiveScope, now: Date = new Date()): Promise<string> {
  const rows = await db.$queryRaw<unknown[]>(statement(scope, now));
  return rows.length === 0 ? "none" : digest(rows);
}

export type LiveVersions = { versions: Record<string, string> };

/**
 * The versions of the scopes a live view watches (`scope` is one scope or several), each authorized by its
 * read permission; tagged, so route() answers its ETag and a 304 when nothing changed. Pages may call it
 * before reading their data and hand the result to <LiveRefresh initial>, so no change slips between them.
 */
export async function liveVersions(ctx: Ctx, query: unknown, now: Date = new Date()): Promise<TaggedJson> {
  const parsed = LiveQuery.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  for (const scope of parsed.data.scope) authorize(ctx, LIVE_SCOPE_PERMISSION[scope.kind]);
  const entries = await Promise.all(
    parsed.data.scope.map(async (scope) => [scope.key, await scopeVersion(scope, now)] as const),
  );
  return tagJson({ versions: Object.fromEntries(entries) } satisfies LiveVersions);
}

/** For a page about to render: the versions it is rendered from, to hand to <LiveRefresh initial>. */
export async function versionsOf(ctx: Ctx, ...scopes: string[]): Promise<LiveVersions> {
  return JSON.parse((await liveVersions(ctx, { scope: scopes })).json) as LiveVersions;
}
