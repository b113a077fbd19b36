import "server-only";
import type { PolicyFacts } from "@/lib/policies/evaluate";
import type { Outcome } from "@/lib/policies/kinds";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../db-raw";
import type { LoadedSatellite } from "./current";

// The full pass reads satellites, facts, releases and stored results through the drivers: at 10,000
// satellites × 12 policies Prisma's per-row cost would be most of the 2 s budget.

export type StoredResult = { outcome: Outcome; reason: string; policyVersion: number };
export type Snapshot = {
  satellites: LoadedSatellite[];
  facts: Map<string, PolicyFacts>;
  /** `${policyId}\0${satelliteId}` → the stored result. */
  results: Map<string, StoredResult>;
};

export const resultKey = (policyId: string, satelliteId: string) => `${policyId}\u0000${satelliteId}`;

type Row = Record<string, unknown>;

async function query(sql: string, params: unknown[] = []): Promise<Row[]> {
  if (isSqlite)
    return rawSqlite()
      .prepare(sql)
      .all(...params) as Row[];
  return (await rawPgPool().query(sql, params)).rows as Row[];
}

const date = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string);
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = (v: unknown): Record<string, string> =>
  typeof v === "string" ? (JSON.parse(v) as Record<string, string>) : ((v ?? {}) as Record<string, string>);

/** `"col" IN (…)` for a list of ids, with placeholders for either driver; chunked by the caller. */
function inList(col: string, ids: readonly string[], offset = 0): string {
  return `${col} IN (${ids.map((_, i) => (isSqlite ? "?" : `$${i + 1 + offset}`)).join(",")})`;
}

const CHUNK = 900; // under SQLite's default 999 parameters

/** Everything one pass needs, for all satellites or the given ones. */
export async function loadSnapshot(ids: readonly string[] | null): Promise<Snapshot> {
  const releases = new Map<string, string[]>();
  for (const r of await query(
    `SELECT r."version", rr."regionId" FROM "Release" r LEFT JOIN "ReleaseRegion" rr ON rr."releaseId" = r."id"`,
  )) {
    const list = releases.get(r.version as string) ?? [];
    if (r.regionId) list.push(r.regionId as string);
    releases.set(r.version as string, list);
  }
  const chunks = ids === null ? [null] : chunk(ids);
  const snapshot: Snapshot = { satellites: [], facts: new Map(), results: new Map() };
  for (const part of chunks) {
    const where = (col: string) => (part ? ` WHERE ${inList(col, part)}` : "");
    const params = part ?? [];
    const sats = await query(
      `SELECT "id","slug","regionId","kind","labels","labelText","lifecycle","decommissionedAt","agentVersion","stackVersion","lastSeenAt" FROM "Satellite"${where(`"id"`)}`,
      params,
    );
    for (const s of sats) {
      const stackVersion = (s.stackVersion as string | null) ?? null;
      const certified = stackVersion ? releases.get(stackVersion) : undefined;
      snapshot.satellites.push({
        id: s.id as string,
        slug: s.slug as string,
        regionId: s.regionId as string,
        kind: s.kind as string,
        labels: json(s.labels),
        labelText: s.labelText as string,
        lifecycle: s.lifecycle as string,
        decommissionedAt: date(s.decommissionedAt),
        agentVersion: (s.agentVersion as string | null) ?? null,
        stackVersion,
        lastSeenAt: date(s.lastSeenAt),
        release: certified ? { certifiedRegionIds: certified } : null,
      });
    }
    const facts = await query(
      `SELECT "satelliteId","agentVersion","diskEncrypted","timeSynced","clockOffsetMs","fipsEnabled","pendingSecurityUpdates","lastBackupAt","reportedAt" FROM "SatelliteFacts"${where(`"satelliteId"`)}`,
      params,
    );
    for (const f of facts) {
      snapshot.facts.set(f.satelliteId as string, {
        agentVersion: (f.agentVersion as string | null) ?? null,
        diskEncrypted: bool(f.diskEncrypted),
        timeSynced: bool(f.timeSynced),
        clockOffsetMs: num(f.clockOffsetMs),
        fipsEnabled: bool(f.fipsEnabled),
        pendingSecurityUpdates: num(f.pendingSecurityUpdates),
        lastBackupAt: date(f.lastBackupAt),
        reportedAt: date(f.reportedAt)!,
      });
    }
    const results = await query(
      `SELECT "policyId","satelliteId","outcome","reason","policyVersion" FROM "PolicyResult"${where(`"satelliteId"`)}`,
      params,
    );
    for (const r of results) {
      snapshot.results.set(resultKey(r.policyId as string, r.satelliteId as string), {
        outcome: r.outcome as Outcome,
        reason: r.reason as string,
        policyVersion: Number(r.policyVersion),
      });
    }
  }
  return snapshot;
}

function chunk<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Satellites to look at again since `since`: their facts changed, or their row changed other than by a
 * heartbeat (ingest stamps updatedAt = lastSeenAt; labels, region or lifecycle edits do not). Heartbeat-only
 * changes (versions, last seen) are caught by the periodic full pass.
 */
export async function changedSince(since: Date): Promise<string[]> {
  const at = isSqlite ? sqliteDate(since) : pgDate(since);
  const p = (i: number) => (isSqlite ? "?" : `$${i}`);
  const cast = isSqlite ? "" : "::timestamp(3)";
  const rows = await query(
    `SELECT "id" FROM "Satellite" WHERE "updatedAt" > ${p(1)}${cast} AND ("lastSeenAt" IS NULL OR "updatedAt" <> "lastSeenAt")
     UNION SELECT "satelliteId" FROM "SatelliteFacts" WHERE "updatedAt" > ${p(2)}${cast} OR "reportedAt" > ${p(3)}${cast}`,
    [at, at, at],
  );
  return rows.map((r) => r.id as string);
}
