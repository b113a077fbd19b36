import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "../db";
import { isSqlite } from "../db-raw";
import type { SatelliteFilter, SatelliteListSort } from "./schemas";

// Keyset paging for the Satellites list: a page after (or before) a cursor is read with a range condition on
// the sort's columns, so page 1,000 costs what page 1 does, where OFFSET read and dropped every row before it.
// Every order ends in the slug, which is unique, so a cursor names one position however many rows tie.

type Field =
  | "name"
  | "slug"
  | "country"
  | "city"
  | "kind"
  | "provider"
  | "regionId"
  | "stackVersion"
  | "lastSeenAt"
  | "createdAt";
export type SortKey = { field: Field; dir: "asc" | "desc"; nullable?: boolean; date?: boolean };
export type ColumnSort = Exclude<SatelliteListSort, "severity">;

const k = (field: Field, dir: "asc" | "desc", extra: Partial<SortKey> = {}): SortKey => ({
  field,
  dir,
  ...extra,
});
const bySlug = k("slug", "asc");

/** The list's orders; nullable columns put their nulls last in either direction, on both databases. */
export function sortKeys(sort: ColumnSort, dir: "asc" | "desc"): SortKey[] {
  switch (sort) {
    case "name":
      return [k("name", dir), bySlug];
    case "slug":
      return [k("slug", dir)];
    case "country":
      return [k("country", dir), k("city", dir), k("name", "asc"), bySlug];
    case "kind":
      return [k("kind", dir), k("name", "asc"), bySlug];
    case "provider":
      return [k("provider", dir), k("name", "asc"), bySlug];
    case "region":
      return [k("regionId", dir), k("name", "asc"), bySlug];
    case "stackVersion":
      return [k("stackVersion", dir, { nullable: true }), k("name", "asc"), bySlug];
    case "lastSeen":
      return [k("lastSeenAt", dir, { nullable: true, date: true }), k("name", "asc"), bySlug];
    case "created":
      return [k("createdAt", dir, { date: true }), bySlug];
  }
}

/** The keys read backwards: for the page before a cursor, read in reverse and then turned around. */
export function reversed(keys: readonly SortKey[]): SortKey[] {
  return keys.map((key) => ({ ...key, dir: key.dir === "asc" ? "desc" : "asc" }));
}

/**
 * Whether SQLite orders nulls this way by itself (first ascending, last descending). Prisma spells any
 * explicit null order on SQLite as a CASE expression, which no index serves: a 100,000-row sort per page.
 */
const sqliteNullsFall = (dir: "asc" | "desc", nullsFirst: boolean) => nullsFirst === (dir === "asc");

/** ORDER BY for the keys; `nullsFirst` when reading backwards, so nulls stay at the list's end. */
export function orderOf(
  keys: readonly SortKey[],
  nullsFirst = false,
): Prisma.SatelliteOrderByWithRelationInput[] {
  return keys.map(
    (key) =>
      (key.nullable && !(isSqlite && sqliteNullsFall(key.dir, nullsFirst))
        ? { [key.field]: { sort: key.dir, nulls: nullsFirst ? "first" : "last" } }
        : { [key.field]: key.dir }) as Prisma.SatelliteOrderByWithRelationInput,
  );
}

type Value = string | Date | null;

/**
 * Rows strictly after `values` in the keys' order (nulls last, or first when `nullsFirst`). The first key's
 * range comes first as a plain condition, so the database can walk its index from there.
 */
export function afterWhere(
  keys: readonly SortKey[],
  values: readonly Value[],
  nullsFirst = false,
): Prisma.SatelliteWhereInput {
  const on = (field: Field, condition: unknown) => ({ [field]: condition }) as Prisma.SatelliteWhereInput;
  const eq = (i: number) => on(keys[i].field, values[i]);
  const beyond = (i: number, strict: boolean): Prisma.SatelliteWhereInput | null => {
    const { field, dir, nullable } = keys[i];
    const v = values[i];
    if (v === null) {
      if (nullsFirst) return strict ? on(field, { not: null }) : {};
      return strict ? null : on(field, null);
    }
    const range = on(field, { [dir === "asc" ? (strict ? "gt" : "gte") : strict ? "lt" : "lte"]: v });
    return nullable && !nullsFirst ? { OR: [range, on(field, null)] } : range;
  };
  const or: Prisma.SatelliteWhereInput[] = [];
  for (let i = 0; i < keys.length; i++) {
    const strictly = beyond(i, true);
    if (strictly) or.push({ AND: [...keys.slice(0, i).map((_, j) => eq(j)), strictly] });
  }
  const first = beyond(0, false);
  return { AND: [...(first ? [first] : []), { OR: or }] };
}

export type Cursor = { sort: SatelliteListSort; dir: "asc" | "desc"; filter: string; values: Value[] };

/** A short digest of the filters: a cursor made under other filters is not applied. */
export function filterDigest(filter: SatelliteFilter): string {
  return createHash("sha256").update(JSON.stringify(filter)).digest("base64url").slice(0, 12);
}

export function encodeCursor(c: Cursor): string {
  const values = c.values.map((v) => (v instanceof Date ? { d: v.toISOString() } : v));
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.filter, values])).toString("base64url");
}

/** The cursor, or null if it is not one (a tampered or outdated link starts from the first page). */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const [sort, dir, filter, values] = JSON.parse(
      Buffer.from(text, "base64url").toString("utf8"),
    ) as unknown[];
    if (typeof sort !== "string" || (dir !== "asc" && dir !== "desc") || typeof filter !== "string")
      return null;
    if (!Array.isArray(values)) return null;
    const out: Value[] = [];
    for (const v of values) {
      if (v === null || typeof v === "string") out.push(v);
      else if (typeof v === "object" && typeof (v as { d?: unknown }).d === "string") {
        const d = new Date((v as { d: string }).d);
        if (Number.isNaN(d.getTime())) return null;
        out.push(d);
      } else return null;
    }
    return { sort: sort as SatelliteListSort, dir, filter, values: out };
  } catch {
    return null;
  }
}

/** The cursor values of a row for the keys. */
export function valuesOf(keys: readonly SortKey[], row: Record<string, unknown>): Value[] {
  return keys.map((key) => {
    const v = row[key.field];
    return v instanceof Date || typeof v === "string" ? v : null;
  });
}
