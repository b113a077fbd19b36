import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv } from "../../test/spawn-script";
import { db, transaction } from "../db";
import { LEASE_MS, deliverDue } from "../outbox/worker";
import { notifyIncident } from "./notify";
import { pageWithOneSatellite } from "./test-helpers";

// The worker is a real child process running the reconciler's delivery pass in a loop
// (server/outbox/test-worker.ts), killed with SIGKILL in the middle of a batch. A restarted worker takes
// over once the dead one's leases lapse.

const SUBSCRIBERS = 12;
let server: Server;
let url: string;
const received: string[] = [];

beforeAll(async () => {
  // A slow receiver, so the worker is caught with deliveries in flight.
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push(String(req.headers["x-orrery-delivery"]));
      setTimeout(() => res.writeHead(200).end("ok"), 250);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a worker killed mid-batch", () => {
  it("loses no event: a restarted worker delivers the rest, each at least once under its delivery id", async () => {
    const { pageId, operator } = await pageWithOneSatellite("killpage");
    void operator;
    for (let i = 0; i < SUBSCRIBERS; i++) {
      await db.statusSubscriber.create({
        data: { statusPageId: pageId, kind: "webhook", webhookUrl: `${url}/k/${i}`, confirmedAt: new Date() },
      });
    }
    const incident = await db.incident.create({
      data: {
        title: "Everything is slow",
        impact: "minor",
        status: "investigating",
        isPublished: true,
        startedAt: new Date(),
        updates: { create: { status: "investigating", impact: "minor", body: "Looking." } },
      },
      include: { updates: true },
    });
    const queued = await transaction((tx) =>
      notifyIncident(tx, incident.id, incident.updates[0].id, "created", new Date()),
    );
    expect(queued).toBe(SUBSCRIBERS);
    const ids = (await db.outboxMessage.findMany({ where: { topic: "incident.created" } })).map((m) => m.id);

    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/register.mjs", "server/outbox/test-worker.ts"],
      {
        cwd: new URL("../..", import.meta.url).pathname,
        env: cleanEnv({
          DATABASE_URL: process.env.DATABASE_URL,
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
          WEBHOOK_ALLOW_PRIVATE: "1",
        }),
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr?.on("data", (c) => (stderr += String(c)));
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 60_000;
    let gone = false;
    void exited.then(() => (gone = true));
    while (received.length < 3 && !gone && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await exited;
    expect(received.length, stderr).toBeGreaterThanOrEqual(3);
    const done = await db.outboxMessage.count({ where: { id: { in: ids }, deliveredAt: { not: null } } });
    expect(done).toBeLessThan(SUBSCRIBERS);

    // The restart: a worker whose clock is past the dead worker's leases.
    const later = new Date(Date.now() + LEASE_MS + 1_000);
    for (let pass = 0; pass < 5; pass++)
      await deliverDue({ now: later, egress: { allowPrivate: true, requireHttps: false } });
    const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.deliveredAt)).toBe(true);
    for (const id of ids) expect(received).toContain(id);
    // Repeats, if any, carry the same id: a receiver drops them.
    expect(new Set(received).size).toBe(SUBSCRIBERS);
  }, 90_000);
});
