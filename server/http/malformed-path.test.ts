import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerMalformedPath } from "./malformed-path";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (answerMalformedPath(req, res)) return;
    res.writeHead(200).end("handed on");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("answerMalformedPath", () => {
  it("answers a page path with a malformed escape 404 in HTML", async () => {
    for (const path of ["/satellites/%E0%A4%A", "/incidents/%zz", "/rollouts/%", "/admin/releases/%C3"]) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("Not found");
    }
  });

  it("answers an API path with a malformed escape 404 in JSON", async () => {
    const res = await fetch(`${base}/api/v1/rollouts/%E0%A4%A`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("hands everything else on, a malformed query included", async () => {
    for (const path of ["/satellites/caf%C3%A9", "/satellites?q=%zz", "/api/v1/rollouts/abc"]) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe("handed on");
    }
  });
});
