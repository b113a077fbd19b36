import "server-only";
import { randomUUID } from "node:crypto";
import type { Outcome } from "@/lib/policies/kinds";
import { isSqlite, pgDate, rawPgPool, rawSqlite, sqliteDate } from "../db-raw";

// Writes a pass's decisions through the drivers, in small transactions so ingest never waits long for the
// lock. A flip writes the result and one change row; a reason-only change rewrites the reason alone; a
// result that left scope is deleted with a change row whose outcome is null.

export type ResultWrite =
  | { op: "flip"; policyId: string; satelliteId: string; version: number; outcome: Outcome; reason: string }
  | { op: "touch"; policyId: string; satelliteId: string; version: number; reason: string }
  | { op: "leave"; policyId: string; satelliteId: string; version: number };

const BATCH = 500;

export async function applyWrites(writes: readonly ResultWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  if (isSqlite) sqliteWrites(writes, now);
  else await pgWrites(writes, now);
}

function sqliteWrites(writes: readonly ResultWrite[], now: Date): void {
  const db = rawSqlite();
  const at = sqliteDate(now);
  const upsert = db.prepare(
    `INSERT INTO "PolicyResult" ("policyId","satelliteId","policyVersion","outcome","reason","since","evaluatedAt")
     VALUES (?,?,?,?,?,?,?) ON CONFLICT ("policyId","satelliteId") DO UPDATE SET
     "policyVersion"=excluded."policyVersion","outcome"=excluded."outcome","reason"=excluded."reason",
     "since"=excluded."since","evaluatedAt"=excluded."evaluatedAt"`,
  );
  const touch = db.prepare(
    `UPDATE "PolicyResult" SET "policyVersion"=?, "reason"=?, "evaluatedAt"=? WHERE "policyId"=? AND "satelliteId"=?`,
  );
  const remove = db.prepare(`DELETE FROM "PolicyResult" WHERE "policyId"=? AND "satelliteId"=?`);
  const change = db.prepare(
    `INSERT INTO "PolicyResultChange" ("id","policyId","satelliteId","policyVersion","outcome","reason","at") VALUES (?,?,?,?,?,?,?)`,
  );
  const run = db.transaction((batch: readonly ResultWrite[]) => {
    for (const w of batch) {
      if (w.op === "flip") {
        upsert.run(w.policyId, w.satelliteId, w.version, w.outcome, w.reason, at, at);
        change.run(randomUUID(), w.policyId, w.satelliteId, w.version, w.outcome, w.reason, at);
      } else if (w.op === "touch") {
        touch.run(w.version, w.reason, at, w.policyId, w.satelliteId);
      } else {
        remove.run(w.policyId, w.satelliteId);
        change.run(randomUUID(), w.policyId, w.satelliteId, w.version, null, "", at);
      }
    }
  });
  for (let i = 0; i < writes.length; i += BATCH) run(writes.slice(i, i + BATCH));
}

async function pgWrites(writes: readonly ResultWrite[], now: Date): Promise<void> {
  const at = pgDate(now);
  const client = await rawPgPool().connect();
  try {
    for (let i = 0; i < writes.length; i += BATCH * 4) {
      const batch = writes.slice(i, i + BATCH * 4);
      const flips = batch.filter((w) => w.op === "flip");
      const touches = batch.filter((w) => w.op === "touch");
      const leaves = batch.filter((w) => w.op === "leave");
      const changed = [...flips, ...leaves];
      await client.query("BEGIN");
      if (flips.length) {
        await client.query(
          `INSERT INTO "PolicyResult" ("policyId","satelliteId","policyVersion","outcome","reason","since","evaluatedAt")
           SELECT p, s, v, o::"PolicyOutcome", r, $6::timestamp(3), $6::timestamp(3)
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS t(p, s, v, o, r)
           ON CONFLICT ("policyId","satelliteId") DO UPDATE SET "policyVersion"=excluded."policyVersion",
           "outcome"=excluded."outcome","reason"=excluded."reason","since"=excluded."since","evaluatedAt"=excluded."evaluatedAt"`,
          [
            col(flips, "policyId"),
            col(flips, "satelliteId"),
            col(flips, "version"),
            col(flips, "outcome"),
            col(flips, "reason"),
            at,
          ],
        );
      }
      if (touches.length) {
        await client.query(
          `UPDATE "PolicyResult" r SET "policyVersion"=t.v, "reason"=t.r, "evaluatedAt"=$5::timestamp(3)
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS t(p, s, v, r)
           WHERE r."policyId"=t.p AND r."satelliteId"=t.s`,
          [
            col(touches, "policyId"),
            col(touches, "satelliteId"),
            col(touches, "version"),
            col(touches, "reason"),
            at,
          ],
        );
      }
      if (leaves.length) {
        await client.query(
          `DELETE FROM "PolicyResult" r USING unnest($1::text[], $2::text[]) AS t(p, s)
           WHERE r."policyId"=t.p AND r."satelliteId"=t.s`,
          [col(leaves, "policyId"), col(leaves, "satelliteId")],
        );
      }
      if (changed.length) {
        await client.query(
          `INSERT INTO "PolicyResultChange" ("id","policyId","satelliteId","policyVersion","outcome","reason","at")
           SELECT i, p, s, v, o::"PolicyOutcome", r, $7::timestamp(3)
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[]) AS t(i, p, s, v, o, r)`,
          [
            changed.map(() => randomUUID()),
            col(changed, "policyId"),
            col(changed, "satelliteId"),
            col(changed, "version"),
            changed.map((w) => (w.op === "flip" ? w.outcome : null)),
            changed.map((w) => (w.op === "flip" ? w.reason : "")),
            at,
          ],
        );
      }
      await client.query("COMMIT");
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function col<W extends ResultWrite, K extends keyof W>(rows: W[], key: K): W[K][] {
  return rows.map((r) => r[key]);
}
