// The demo seed: a fleet of real cities, their join tokens, a few releases, one user per role and the public
// page "global". Never for production (it refuses); production gets its regions from npm run db:migrate.
//   npm run db:seed                       300 satellites (when the fleet is empty)
//   npm run db:seed -- --satellites 10000 --reset     a benchmark-sized fleet
//   --history-days N    days of past telemetry, outages and incidents (default 90 for a demo of up to 1000
//                       satellites; 0 for larger fleets and for the browser tests' seed, NODE_ENV=test); a
//                       larger fleet gets it for a spread sample of 1000 satellites
//   --last-seen         every agent but the pending ones has just reported (a few stale, offline, degraded or
//                       critical), as a running fleet: for benchmarks, which run without the simulator
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { hashToken, JOIN_TOKEN_PREFIX, newToken, tokenHint } from "../server/agents/tokens";
import { db } from "../server/db";
import { databaseKind, env, sqlitePath } from "../server/env";
import { derivedColumns } from "../server/satellites/view";
import { DEMO_EMAIL_DOMAIN, isProductionMode } from "../server/startup-checks";
import { createUserUnchecked } from "../server/users/users";
import { bootstrap } from "./bootstrap";
import { migrate } from "./migrate";
import demoAccounts from "./seed-data/demo-accounts.json";
import { seedFacts } from "./seed-data/facts";
import { buildFleet, type SeedSatellite } from "./seed-data/fleet";
import { planHistory } from "./seed-data/history";
import { REGIONS } from "./seed-data/regions";
import { RELEASES } from "./seed-data/releases";
import { seedWindows } from "./seed-data/windows";
import { insertFleet, insertRows, lastSeenColumns, seedId } from "./seed-data/write-fleet";
import { writeHistory } from "./seed-data/write-history";

/** The demo's accounts, one per role and a region-scoped operator; the login page and the demo list them too. */
export const DEMO_USERS = (demoAccounts as DemoAccount[]).map(({ does: _does, ...user }) => {
  if (!user.email.endsWith(DEMO_EMAIL_DOMAIN)) throw new Error(`${user.email} is not a demo address`);
  return user;
});

type DemoAccount = {
  email: string;
  name: string;
  role: "admin" | "operator" | "auditor" | "viewer";
  regionIds?: string[];
  does: string;
};

function regionOf(country: string): string {
  return REGIONS.find((r) => r.countries.includes(country))?.id ?? "global";
}

async function seedFleet(count: number, lastSeen: boolean): Promise<SeedSatellite[]> {
  const fleet = buildFleet(count);
  const started = Date.now();
  const now = new Date(started);
  await insertFleet(
    fleet.map((s) => ({
      ...s,
      id: seedId(),
      regionId: regionOf(s.country),
      ...derivedColumns(s),
      ...(lastSeen ? lastSeenColumns(s, started) : {}),
    })),
    now,
  );
  await db.auditEvent.create({
    data: {
      actorType: "system",
      actorLabel: "seed",
      action: "fleet.seed",
      targetType: "fleet",
      summary: `Seeded a demo fleet of ${fleet.length} satellites`,
    },
  });
  const countries = new Set(fleet.map((s) => s.country)).size;
  console.log(`Seeded ${fleet.length} satellites in ${countries} countries (${Date.now() - started} ms).`);
  return fleet;
}

const HISTORY_SAMPLE = 1000;

/** The fleet's past, so uptime bars, long charts and the incident history are not empty on first start. */
async function seedHistory(fleet: SeedSatellite[], days: number) {
  const started = Date.now();
  // A large fleet's past is a spread sample of HISTORY_SAMPLE satellites: the pages that chart it read one
  // satellite (or a few) at a time, and 100,000 satellites' roll-ups would take the seed hours.
  const step = Math.ceil(fleet.length / HISTORY_SAMPLE);
  const sample = step > 1 ? fleet.filter((_, i) => i % step === 0) : fleet;
  const written = await writeHistory(planHistory(sample, started, days));
  console.log(
    `Seeded ${days} days of history for ${sample.length} satellites: ${written.rollups} roll-ups, ${written.events} connectivity events, ${written.incidents} past incidents (${Date.now() - started} ms).`,
  );
}

/** The demo's public status page for the whole fleet; an existing page of that slug is left as it is. */
async function seedStatusPage() {
  await db.statusPage.upsert({
    where: { slug: "global" },
    create: {
      slug: "global",
      title: "Orrery Cloud",
      description: "Live status of every site of the Orrery Cloud, by compliance region.",
      visibility: "public",
      includeAll: true,
      showSatellites: true,
      allowedOrigins: [],
      accentColor: "#4f46e5",
    },
    update: {},
  });
}

/** Beside the SQLite file (data/ for PostgreSQL), so a test database never overwrites the demo's tokens. */
const DEMO_TOKENS_FILE = join(
  databaseKind() === "sqlite" ? dirname(sqlitePath()) : "data",
  "demo-join-tokens.json",
);

/**
 * One single-use join token per seeded satellite, bound to it, written to a local file for the simulator:
 * the demo fleet then enrolls and reports through the real agent protocol. Pending satellites are left
 * out so a few stay "never seen", as in a real fleet.
 */
async function issueDemoJoinTokens() {
  const satellites = await db.satellite.findMany({
    where: { lifecycle: { notIn: ["pending", "decommissioned"] } },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      heartbeatIntervalSec: true,
      lat: true,
      lon: true,
      country: true,
      kind: true,
      uplinkMbps: true,
      downlinkMbps: true,
      stackVersion: true,
      agentVersion: true,
    },
  });
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 30 * 86_400_000);
  const entries = satellites.map((s) => ({ satellite: s, token: newToken(JOIN_TOKEN_PREFIX) }));
  await insertRows(
    "JoinToken",
    ["id", "tokenHash", "tokenHint", "note", "maxUses", "uses", "expiresAt", "satelliteId", "createdAt"],
    entries.map(({ satellite, token }) => ({
      id: seedId(),
      tokenHash: hashToken(token),
      tokenHint: tokenHint(token),
      note: "demo simulator",
      maxUses: 1,
      uses: 0,
      expiresAt,
      satelliteId: satellite.id,
      createdAt: now,
    })),
  );
  await db.auditEvent.create({
    data: {
      actorType: "system",
      actorLabel: "seed",
      action: "join-token.create",
      targetType: "fleet",
      summary: `Issued ${entries.length} single-use demo join tokens for the simulator`,
    },
  });
  mkdirSync(dirname(DEMO_TOKENS_FILE), { recursive: true });
  const file = entries.map(({ satellite: s, token }) => ({
    slug: s.slug,
    satelliteId: s.id,
    joinToken: token,
    heartbeatIntervalSec: s.heartbeatIntervalSec,
    lat: s.lat,
    lon: s.lon,
    country: s.country,
    kind: s.kind,
    uplinkMbps: s.uplinkMbps,
    downlinkMbps: s.downlinkMbps,
    stackVersion: s.stackVersion,
    agentVersion: s.agentVersion,
  }));
  writeFileSync(DEMO_TOKENS_FILE, JSON.stringify(file, null, 1), { mode: 0o600 });
  console.log(
    `Wrote ${file.length} demo join tokens to ${DEMO_TOKENS_FILE} for the simulator (${Date.now() - now.getTime()} ms).`,
  );
}

async function seedReleases() {
  const all = REGIONS.map((r) => r.id);
  for (const r of RELEASES) {
    const regions = r.regions === "all" ? all : [...r.regions];
    await db.release.upsert({
      where: { version: r.version },
      update: {},
      create: {
        version: r.version,
        notes: r.notes,
        artifactSizeMb: r.artifactSizeMb,
        minAgentVersion: r.minAgentVersion,
        certifiedRegions: { create: regions.map((regionId) => ({ regionId })) },
      },
    });
  }
}

async function seedUsers() {
  for (const u of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (exists) continue;
    await db.$transaction((tx) =>
      createUserUnchecked(tx, { type: "system", label: "seed" }, { ...u, password: env.DEMO_PASSWORD }),
    );
  }
}

async function main() {
  if (isProductionMode(env)) {
    throw new Error(
      "npm run db:seed refuses to run with NODE_ENV=production: it writes demo users, satellites and a public page. Production needs only npm run db:migrate and npm run user:create.",
    );
  }
  const { values } = parseArgs({
    options: {
      satellites: { type: "string", default: "300" },
      "if-empty": { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      "no-users": { type: "boolean", default: false },
      "history-days": { type: "string" },
      "last-seen": { type: "boolean", default: false },
    },
  });
  const count = Number(values.satellites);
  if (!Number.isInteger(count) || count < 1 || count > 200_000) {
    throw new Error("--satellites must be a whole number between 1 and 200000");
  }
  // The demo's past is for people; browser tests (NODE_ENV=test) make their own data and skip its cost.
  const historyDays = Number(values["history-days"] ?? (count <= 1000 && env.NODE_ENV !== "test" ? 90 : 0));
  if (!Number.isInteger(historyDays) || historyDays < 0 || historyDays > 400) {
    throw new Error("--history-days must be a whole number between 0 and 400");
  }
  await migrate(env.DATABASE_URL);
  await bootstrap(db);
  const existing = await db.satellite.count();
  if (values.reset && existing > 0) {
    await db.satellite.deleteMany({});
    console.log(`Removed ${existing} satellites.`);
  }
  if (existing === 0 || values.reset) {
    const fleet = await seedFleet(count, values["last-seen"]);
    const factsStarted = Date.now();
    const withFacts = await seedFacts(db, factsStarted);
    console.log(
      `Seeded host facts for ${withFacts} satellites; the others are unknown (${Date.now() - factsStarted} ms).`,
    );
    if (historyDays > 0) await seedHistory(fleet, historyDays);
    await issueDemoJoinTokens();
  } else console.log(`The fleet already has ${existing} satellites: left as it is (--reset replaces it).`);
  await seedReleases();
  await seedStatusPage();
  console.log(`Seeded ${await seedWindows(db)} deployment windows (one disabled).`);
  if (values["no-users"]) {
    console.log("No demo users created (--no-users): use npm run user:create.");
  } else {
    await seedUsers();
    console.log(
      `Demo users (password ${env.DEMO_PASSWORD === "orrery-demo" ? "orrery-demo" : "from DEMO_PASSWORD"}):`,
    );
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}`);
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
