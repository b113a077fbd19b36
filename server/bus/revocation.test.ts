import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { AgentTokenCache, authenticateAgent } from "../agents/auth";
import { revokeAgentCredentials } from "../agents/revoke";
import { AGENT_TOKEN_PREFIX, hashToken, newToken, tokenHint } from "../agents/tokens";
import type { Ctx } from "../auth/context";
import { isSqlite } from "../db-raw";
import { db } from "../db";
import { decommissionSatellite } from "../satellites/decommission";
import { registerSatellite } from "../satellites/register";
import { bus, createBus, RelayTransport, stopBus, type Bus, type Peer } from "./index";

// This process revokes; a second bus and a token cache of its own stand in for another replica (PostgreSQL:
// a listening connection of its own) or for the reconciler child (SQLite: joined as over IPC).

let admin: Ctx;
let other: Bus;
let otherTokens: AgentTokenCache;

/** Two relay ends joined in memory, as the server entry and its child are over IPC. */
function join(a: RelayTransport, b: RelayTransport): void {
  const inbox = { a: new Set<(p: string) => void>(), b: new Set<(p: string) => void>() };
  const end = (mine: Set<(p: string) => void>, theirs: Set<(p: string) => void>): Peer => ({
    send: (payload) => theirs.forEach((receive) => receive(payload)),
    listen: (receive) => (mine.add(receive), () => void mine.delete(receive)),
  });
  a.attach(end(inbox.a, inbox.b));
  b.attach(end(inbox.b, inbox.a));
}

async function within(ms: number, check: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  other = isSqlite ? createBus({ transport: new RelayTransport() }) : createBus();
  otherTokens = new AgentTokenCache(other);
  if (isSqlite) join(bus().transport as RelayTransport, other.transport as RelayTransport);
  bus().start();
  await within(5_000, () => bus().isConnected && other.isConnected);
});
afterAll(async () => {
  await other.stop();
  await stopBus();
});

async function satelliteWithToken() {
  // Registering announces fleet.changed, which also clears the other process's cache of that satellite:
  // wait until it has arrived, so it cannot land after the identity below is cached.
  let announced = false;
  const stop = other.subscribe("fleet.changed", () => (announced = true));
  const { id } = await registerSatellite(admin, satelliteInput());
  await within(5_000, () => announced);
  stop();
  const token = newToken(AGENT_TOKEN_PREFIX);
  await db.agentCredential.create({
    data: { satelliteId: id, tokenHash: hashToken(token), tokenHint: tokenHint(token) },
  });
  return { id, token };
}

describe("agent token revocation across processes", () => {
  it("evicts the identity another process cached, so it refuses the token at once", async () => {
    const { id, token } = await satelliteWithToken();
    expect((await authenticateAgent(token, new Date(), otherTokens)).satelliteId).toBe(id);
    expect(otherTokens.entries.size).toBe(1);

    await revokeAgentCredentials(admin, { satelliteId: id, reason: "leaked in a log" });
    await within(1_000, () => otherTokens.entries.size === 0);
    await expect(authenticateAgent(token, new Date(), otherTokens)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("evicts on decommission too, and leaves other satellites' tokens cached", async () => {
    const kept = await satelliteWithToken();
    const retired = await satelliteWithToken();
    await authenticateAgent(kept.token, new Date(), otherTokens);
    await authenticateAgent(retired.token, new Date(), otherTokens);
    expect(otherTokens.entries.size).toBe(2);

    const fleet: unknown[] = [];
    other.subscribe("fleet.changed", (m) => fleet.push(m));
    await decommissionSatellite(admin, { id: retired.id, reason: "hardware returned" });
    await within(1_000, () => otherTokens.entries.size === 1 && fleet.length === 1);
    expect(fleet).toEqual([{ type: "fleet.changed", satelliteIds: [retired.id] }]);
    await expect(authenticateAgent(retired.token, new Date(), otherTokens)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect((await authenticateAgent(kept.token, new Date(), otherTokens)).satelliteId).toBe(kept.id);
  });
});
