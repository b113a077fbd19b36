import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGateway } from "../server/gateway";

/** The machine path on a real HTTP port, without Next: what agents talk to. */
export async function startGateway(): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const gateway = createGateway();
  const server = createServer((req, res) => {
    if (!gateway.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function sample(seq: number, at = new Date(), overrides: Record<string, unknown> = {}) {
  return {
    seq,
    at: at.toISOString(),
    cpuPct: 41.5,
    memPct: 63,
    diskPct: 71,
    rxMbps: 220.4,
    txMbps: 97.1,
    rttMs: 38,
    lossPct: 0.1,
    services: { compute: "ok", storage: "ok", network: "ok" },
    ...overrides,
  };
}
