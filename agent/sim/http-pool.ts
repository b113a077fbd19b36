// The whole simulated fleet's way to the core: one keep-alive pool with a bounded number of sockets, so ten
// thousand agents reuse a few dozen connections and a stalled core queues requests here instead of opening
// a socket per agent. Heartbeats and facts are retried a couple of times on a lost answer or a 502/503/504
// (a replica going away behind a load balancer): the core dedupes samples by seq, so a resend is safe.
// Enrollment (a single-use join token) and acks are not retried here.
import http from "node:http";
import https from "node:https";
import type { Transport } from "../protocol";

export type RequestCounters = {
  /** Calls the agents made, whatever the outcome. */
  requests: number;
  /** Extra attempts this pool made after a lost answer or a 502/503/504. */
  retried: number;
  /** Calls whose final answer, after any retries, was an error the agent saw (no answer or non-2xx). */
  failed: number;
};

const RETRY_STATUSES = new Set([502, 503, 504]);
const RETRY_DELAYS_MS = [100, 500];
const IDEMPOTENT = /\/api\/agent\/v1\/(heartbeat|facts)$/;

export function newRequestCounters(): RequestCounters {
  return { requests: 0, retried: 0, failed: 0 };
}

export function pooledTransport(maxSockets: number, counters: RequestCounters): Transport {
  // Idle sockets are closed by us after 30 s, before the core's 65 s keep-alive, so we rarely reuse a socket
  // the core is closing.
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 30_000 };
  const agents = { "http:": new http.Agent(options), "https:": new https.Agent(options) };
  return async (request) => {
    counters.requests++;
    const retries = IDEMPOTENT.test(request.url.pathname) ? RETRY_DELAYS_MS : [];
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await post(agents, request);
        if (attempt < retries.length && RETRY_STATUSES.has(answer.status)) {
          await retryAfter(retries[attempt], counters);
          continue;
        }
        if (answer.status < 200 || answer.status > 299) counters.failed++;
        return answer;
      } catch (error) {
        if (attempt >= retries.length) {
          counters.failed++;
          throw error;
        }
        await retryAfter(retries[attempt], counters);
      }
    }
  };
}

async function retryAfter(ms: number, counters: RequestCounters) {
  counters.retried++;
  // Jittered, so the agents of a replica that just went away do not all come back in the same millisecond.
  await new Promise((resolve) => setTimeout(resolve, ms * (0.5 + Math.random())));
}

function post(
  agents: Record<"http:" | "https:", http.Agent>,
  { url, headers, body, timeoutMs }: Parameters<Transport>[0],
): ReturnType<Transport> {
  const isHttps = url.protocol === "https:";
  const send = isHttps ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: "POST",
      agent: agents[isHttps ? "https:" : "http:"],
      headers: { ...headers, "content-length": Buffer.byteLength(body) },
    });
    // The whole call, including the wait for a free socket, has one deadline.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      res.on("end", () => {
        clearTimeout(timer);
        const retryAfter = res.headers["retry-after"];
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: typeof retryAfter === "string" ? retryAfter : null,
          text: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.end(body);
  });
}
