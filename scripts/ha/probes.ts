// What the HA test asks replicas directly (never through the balancer): a change made on A must be seen on B
// within a second. And its REST calls, which go through the balancer like any client's.
import { createHash } from "node:crypto";
import { AgentClient } from "../../agent/protocol";
import { generatedSite } from "../../agent/sim/generated-fleet";
import { sleep } from "./cluster";

export class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown, key?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (key) headers["idempotency-key"] = key;
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** Polls `probe` every 25 ms until it is true; the milliseconds it took, or null after `capMs`. */
async function within(probe: () => Promise<boolean>, capMs = 15_000): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < capMs) {
    if (await probe().catch(() => false)) return Math.round(performance.now() - started);
    await sleep(25);
  }
  return null;
}

/** A status page retitled through replica A: how long until replica B's public JSON shows the new title. */
export async function statusPageChange(a: Api, bBase: string, round: number): Promise<number | null> {
  const slug = "ha-probe";
  const pages = await a.call<{ items: { id: string; slug: string }[] }>("GET", "/status-pages");
  let id = pages.items.find((p) => p.slug === slug)?.id;
  if (!id) {
    const created = await a.call<{ id: string }>("POST", "/status-pages", {
      slug,
      title: "HA probe",
      visibility: "public",
      includeAll: true,
    });
    id = created.id;
  }
  const read = async () => (await fetch(`${bBase}/api/status/${slug}`)).text();
  await read(); // B has the page cached from here on, as a busy replica would
  await read();
  const title = `HA probe ${round} ${createHash("sha1").update(String(Date.now())).digest("hex").slice(0, 6)}`;
  await a.call("PATCH", `/status-pages/${id}`, { title });
  return within(async () => (await read()).includes(title));
}

/** An agent credential revoked through replica A (its satellite decommissioned): how long B still accepts it. */
export async function credentialRevocation(a: Api, aBase: string, bBase: string, joinToken: string) {
  const spec = generatedSite(joinToken, 90_000 + Math.floor(Math.random() * 9_000));
  const enrollment = await new AgentClient(aBase).enroll({
    joinToken,
    satellite: spec.satellite,
    agentVersion: spec.agentVersion,
    stackVersion: spec.stackVersion,
  });
  const onB = new AgentClient(bBase, enrollment.agentToken);
  let seq = 0;
  const beat = async () => {
    seq++;
    const at = new Date().toISOString();
    const sample = { seq, at, cpuPct: 1, memPct: 1, diskPct: 1, rxMbps: 1, txMbps: 1, rttMs: 1, lossPct: 0 };
    await onB.heartbeat({
      agentVersion: spec.agentVersion,
      stackVersion: spec.stackVersion,
      samples: [{ ...sample, services: {} }],
    });
  };
  await beat(); // B has the token cached from here on
  await beat();
  await a.call("POST", `/satellites/${enrollment.satelliteId}/decommission`, {
    reason: "test:ha revocation probe",
  });
  return within(async () => {
    try {
      await beat();
      return false;
    } catch (error) {
      return (error as { status?: number }).status === 401;
    }
  });
}
