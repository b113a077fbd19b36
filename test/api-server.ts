import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch } from "../server/api/dispatch";
import { createGateway } from "../server/gateway";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "../server/http/headers";

/**
 * The core's REST API and machine path on a real loopback port, without Next: /api/v1 goes to the same
 * dispatch() the Next route hands every request to, the rest to the gateway, as server/main.ts does.
 */
export async function startApiServer(): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const gateway = createGateway();
  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    req.headers[REQUEST_ID_HEADER] = crypto.randomUUID();
    if (gateway.handle(req, res)) return;
    if (!req.url?.startsWith("/api/v1/")) {
      res.writeHead(404).end();
      return;
    }
    answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
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

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
  const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
  const response = await dispatch(request);
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => (out[name] = value));
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}
