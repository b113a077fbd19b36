// Real receivers for tests, on 127.0.0.1 only: an HTTP server that records what it is sent, and an SMTP
// sink (smtp-server) that records the mail. Never used outside tests.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; json: unknown };

export type HttpReceiver = {
  url: string;
  received: Received[];
  /** The status to answer the next request with; 200 by default. */
  answer: (fn: (r: Received, index: number) => number) => void;
  close: () => Promise<void>;
};

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const received: Received[] = [];
  let status: (r: Received, index: number) => number = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const r = { path: req.url ?? "/", headers: req.headers, body, json };
      const code = status(r, received.length);
      received.push(r);
      res.writeHead(code, { "content-type": "text/plain" }).end(code < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (fn) => {
      status = fn;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type Mail = { from: string; to: string[]; raw: string };
export type SmtpSink = { url: string; mails: Mail[]; close: () => Promise<void> };

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
