import { ProtocolError } from "../protocol";

/** How a call to the core went wrong, sorted by what the agent should do about it. */
export type Failure =
  | { kind: "unreachable"; message: string } // no answer at all: DNS, refused, timeout, TLS
  | { kind: "server-error"; status: number; message: string } // 5xx, or an answer that is not the core's
  | { kind: "rate-limited"; retryAfterSec: number; message: string }
  | { kind: "unauthorized"; message: string }
  | { kind: "not-found"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "rejected"; status: number; message: string; fields: Record<string, string> };

export type CallResult<T> = ({ ok: true; value: T } | ({ ok: false } & Failure)) & { ms: number };

const DEFAULT_RETRY_AFTER_SEC = 5;
const MAX_RETRY_AFTER_SEC = 3600;

export function classify(error: unknown): Failure {
  if (!(error instanceof ProtocolError)) return { kind: "unreachable", message: describeError(error) };
  const { status } = error;
  const message = error.body?.error.message ?? `HTTP ${status}`;
  if (status === 429) {
    // A missing Retry-After reaches us as 0 (Number(null)); treat it as "a little while".
    const asked =
      error.retryAfterSec && error.retryAfterSec > 0 ? error.retryAfterSec : DEFAULT_RETRY_AFTER_SEC;
    return { kind: "rate-limited", retryAfterSec: Math.min(asked, MAX_RETRY_AFTER_SEC), message };
  }
  if (status >= 500) return { kind: "server-error", status, message };
  if (status === 401) return { kind: "unauthorized", message };
  if (status === 404) return { kind: "not-found", message };
  if (status === 409) return { kind: "conflict", message };
  return { kind: "rejected", status, message, fields: error.body?.error.fields ?? {} };
}

/** Runs one call and reports its duration with its outcome; never throws. */
export async function timedCall<T>(call: () => Promise<T>, clock: () => number): Promise<CallResult<T>> {
  const started = clock();
  try {
    const value = await call();
    return { ok: true, value, ms: clock() - started };
  } catch (error) {
    return { ok: false, ...classify(error), ms: clock() - started };
  }
}

/** Whether the core itself answered: a refusal is still a working link. */
export function isAnswered(result: CallResult<unknown>): boolean {
  return result.ok || (result.kind !== "unreachable" && result.kind !== "server-error");
}

export function describeFields(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  return entries.length ? entries.map(([path, why]) => `${path}: ${why}`).join("; ") : "(no field details)";
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch hides the socket error (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
