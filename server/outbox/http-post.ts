import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { checkUrlShape, resolveChecked, type EgressPolicy, type ResolvedAddress } from "./egress";

export const POST_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 2_048;

export type PostResult = {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  error?: string;
  answer?: string;
};

/**
 * The connection goes to the addresses checked above and no other: Node's own DNS lookup is replaced, so
 * a name that resolves differently a moment later (DNS rebinding) cannot slip a private address in.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    const all = typeof options === "object" && options !== null && "all" in options && options.all;
    if (all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/**
 * POSTs a body and reports what happened, never throwing for the receiver's sake. A 2xx within 10 s is
 * success; anything else, a redirect included (never followed), is a failure with its reason.
 * Refusals by the egress rule are thrown: retrying them would not help.
 */
export async function postBody(
  urlText: string,
  body: string,
  headers: Record<string, string>,
  policy: EgressPolicy,
  timeoutMs = POST_TIMEOUT_MS,
): Promise<PostResult> {
  const url = checkUrlShape(urlText, policy);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolveChecked(url, policy);
  } catch (error) {
    if (error instanceof Error && error.name === "EgressRefused") throw error;
    return { ok: false, status: null, latencyMs: elapsed(), error: (error as Error).message };
  }
  const options: RequestOptions = {
    method: "POST",
    headers: {
      "Content-Length": String(Buffer.byteLength(body)),
      "User-Agent": "Orrery-Notifier/1",
      ...headers,
    },
    lookup: pinnedLookup(addresses),
    timeout: timeoutMs,
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve) => {
    const finish = (result: Omit<PostResult, "latencyMs">) => resolve({ ...result, latencyMs: elapsed() });
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const req = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        const answer = Buffer.concat(chunks).toString("utf8").slice(0, MAX_ANSWER_BYTES);
        if (status >= 200 && status < 300) return finish({ ok: true, status, answer });
        const why =
          status >= 300 && status < 400 ? "a redirect, which Orrery does not follow" : oneLine(answer);
        finish({ ok: false, status, answer, error: `HTTP ${status}${why ? `: ${why}` : ""}` });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        finish({ ok: false, status: res.statusCode ?? null, error: error.message });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", (error) => {
      clearTimeout(timer);
      finish({ ok: false, status: null, error: error.message });
    });
    req.end(body);
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}
