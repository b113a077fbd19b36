import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readJson } from "./body";
import { GatewayRouter } from "./router";

// An agent or reader that hangs up mid-request is normal traffic at fleet scale: the router must not call
// it a failure (an error line per dropped connection would bury real ones), and a real failure still is.

let server: Server;
let port: number;
let bodyRead: Promise<void>;
let bodyReadDone: () => void;

beforeAll(async () => {
  const router = new GatewayRouter()
    .on("POST", "/read", async (req, res) => {
      try {
        await readJson(req);
        res.end("ok");
      } finally {
        bodyReadDone();
      }
    })
    .on("GET", "/broken", () => {
      throw new Error("a real bug");
    });
  server = createServer((req, res) => {
    if (!router.handle(req, res)) res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the machine path's router", () => {
  it("does not log a client that hung up while its body was read", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    bodyRead = new Promise((resolve) => (bodyReadDone = resolve));
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/read",
      headers: { "content-type": "application/json", "content-length": "1000" },
    });
    req.on("error", () => undefined);
    req.write('{"half":');
    await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    await bodyRead;
    await new Promise((r) => setTimeout(r, 20));
    const lines = errors.mock.calls.map((c) => String(c[0]));
    errors.mockRestore();
    expect(lines.filter((l) => l.includes("gateway handler failed"))).toEqual([]);
  });

  it("still logs a handler that fails, and answers 500", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await fetch(`http://127.0.0.1:${port}/broken`);
    const lines = errors.mock.calls.map((c) => String(c[0]));
    errors.mockRestore();
    expect(res.status).toBe(500);
    expect(lines.some((l) => l.includes("gateway handler failed") && l.includes("a real bug"))).toBe(true);
  });
});
