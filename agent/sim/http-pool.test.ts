import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AgentClient, type Sample } from "../protocol";
import { newRequestCounters, pooledTransport } from "./http-pool";
import { SampleLedger } from "./ledger";

let server: Server | null = null;
afterEach(() => server?.close());

/** A core whose answers follow `script`, one entry per request: a status, or "drop" to cut the socket. */
async function core(script: (number | "drop")[]) {
  const seen = { requests: 0, sockets: new Set<unknown>() };
  server = createServer((req, res) => {
    seen.sockets.add(req.socket);
    const step = script[seen.requests++] ?? 200;
    req.resume();
    req.on("end", () => {
      if (step === "drop") return req.socket.destroy();
      const body =
        step === 200
          ? { accepted: 1, duplicates: 0, lastSeq: 1, heartbeatIntervalSec: 30, commands: [] }
          : { error: { code: "UNAVAILABLE", message: "draining" } };
      res.writeHead(step, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const beat = { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [] };

describe("the simulator's connection pool", () => {
  it("retries a heartbeat after a lost answer or a 503, and counts what the agent saw", async () => {
    const { url } = await core(["drop", 503, 200, 503, 503, 503]);
    const counters = newRequestCounters();
    const client = new AgentClient(url, "t", 5_000, pooledTransport(4, counters));
    await expect(client.heartbeat(beat)).resolves.toMatchObject({ accepted: 1 });
    expect(counters).toEqual({ requests: 1, retried: 2, failed: 0 });
    await expect(client.heartbeat(beat)).rejects.toMatchObject({ status: 503 });
    expect(counters).toEqual({ requests: 2, retried: 4, failed: 1 });
  });

  it("never retries an enrollment: its join token may be spent", async () => {
    const { url, seen } = await core([503]);
    const counters = newRequestCounters();
    const client = new AgentClient(url, undefined, 5_000, pooledTransport(4, counters));
    await expect(client.enroll({ joinToken: "j", agentVersion: "1", stackVersion: "1" })).rejects.toThrow();
    expect(seen.requests).toBe(1);
    expect(counters).toEqual({ requests: 1, retried: 0, failed: 1 });
  });

  it("holds no more sockets than it is allowed, however many agents call at once", async () => {
    const { url, seen } = await core([]);
    const transport = pooledTransport(3, newRequestCounters());
    const clients = Array.from({ length: 40 }, () => new AgentClient(url, "t", 5_000, transport));
    await Promise.all(clients.map((c) => c.heartbeat(beat)));
    expect(seen.requests).toBe(40);
    expect(seen.sockets.size).toBeLessThanOrEqual(3);
  });
});

describe("an agent's ledger", () => {
  const s = (seq: number) => ({ seq }) as Sample;
  it("counts each sample sent once, sums the acknowledged seqs, and lists the ones in doubt", () => {
    const ledger = new SampleLedger();
    ledger.onSend([s(1), s(2)]);
    ledger.onAnswer([s(1), s(2)], {
      accepted: 2,
      duplicates: 0,
      lastSeq: 2,
      heartbeatIntervalSec: 30,
      commands: [],
    });
    ledger.onSend([s(3)]);
    ledger.onError();
    ledger.onSend([s(3), s(4)]); // 3 again, after the failure
    ledger.onError();
    expect(ledger.report([s(3), s(4), s(5)], 0)).toEqual({
      sent: 4,
      acked: 2,
      seqSum: 3,
      seqMax: 2,
      stored: 2,
      duplicates: 0,
      errors: 2,
      dropped: 0,
      inDoubtSeqs: [3, 4],
      unsent: 1,
      overflowed: 0,
    });
  });
});
