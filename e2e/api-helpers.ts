// What the API and CLI specs share: a token made by the demo admin through /api/v1 with the console's
// session, and an agent's side of a command (heartbeat to receive it, ack to finish it) over the protocol.
import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, uniqueName, type EnrolledSatellite } from "./fixtures";
import { authFile } from "./helpers";

export type Token = { secret: string; name: string; prefix: string };

/** Signs in as the demo admin (the saved session) and creates an API token with `role`. */
export async function adminApiToken(browser: Browser, prefix: string, role = "admin"): Promise<Token> {
  const context = await browser.newContext({ storageState: authFile("admin") });
  const name = uniqueName(prefix);
  const res = await context.request.post("/api/v1/tokens", { data: { name, role, expiresInDays: 1 } });
  expect(res.status(), await res.text()).toBe(201);
  const created = (await res.json()) as { secret: string; token: { prefix: string } };
  await context.close();
  return { secret: created.secret, name, prefix: created.token.prefix };
}

let seq = 10_000;

/** One heartbeat as the satellite's agent; answers the commands it delivered. */
export async function agentHeartbeat(
  request: APIRequestContext,
  sat: Pick<EnrolledSatellite, "agentToken">,
): Promise<{ id: string; type: string; payload: Record<string, unknown> }[]> {
  seq++;
  const res = await request.post("/api/agent/v1/heartbeat", {
    headers: { authorization: `Bearer ${sat.agentToken}` },
    data: {
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
      samples: [
        {
          ...{ seq, at: new Date().toISOString(), cpuPct: 20, memPct: 40, diskPct: 50 },
          ...{ rxMbps: 100, txMbps: 50, rttMs: 20, lossPct: 0, services: { compute: "ok" } },
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).commands;
}

/** Heartbeats until a command of `type` arrives (the reconciler may queue it a tick later). */
export async function receiveCommand(
  request: APIRequestContext,
  sat: Pick<EnrolledSatellite, "agentToken">,
  type: string,
) {
  for (let i = 0; i < 60; i++) {
    const found = (await agentHeartbeat(request, sat)).find((c) => c.type === type);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no ${type} command reached the satellite`);
}

export async function agentAck(
  request: APIRequestContext,
  sat: Pick<EnrolledSatellite, "agentToken">,
  commandId: string,
  status: "running" | "succeeded" | "failed",
  message?: string,
) {
  const res = await request.post(`/api/agent/v1/commands/${commandId}/ack`, {
    headers: { authorization: `Bearer ${sat.agentToken}` },
    data: { status, ...(message ? { message } : {}) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** Publishes a release for the eu-gdpr region through the session's request context; answers its id. */
export async function publishRelease(
  request: APIRequestContext,
  origin: { origin: string },
  major: number,
): Promise<string> {
  const res = await request.post("/api/v1/releases", {
    headers: origin,
    data: {
      version: `${major}.${Date.now().toString().slice(-6)}.0`,
      artifactSizeMb: 1200,
      regionIds: ["eu-gdpr"],
      minAgentVersion: "1.0.0",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
