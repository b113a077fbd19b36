import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { env } from "../env";
import {
  clientAddressOf,
  parseAddress,
  parseTrustedProxies,
  type TrustedRange,
} from "../http/client-address";

// Who may read /metrics: a bearer token (METRICS_TOKEN), client addresses (METRICS_ALLOW), or both, in which
// case a scrape needs both. With neither set the endpoint does not exist: the fleet's shape is not public.

export type MetricsAccessConfig = { tokenDigest: Buffer | null; allow: TrustedRange[] };

export type Access =
  { ok: true } | { ok: false; status: 401 | 403 | 404; message: string; headers?: Record<string, string> };

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Parses the settings once; a wrong METRICS_ALLOW entry is an error that names it. */
export function metricsAccessConfig(
  { token, allow }: { token?: string; allow: string } = {
    token: env.METRICS_TOKEN,
    allow: env.METRICS_ALLOW,
  },
): MetricsAccessConfig {
  let ranges: TrustedRange[];
  try {
    ranges = parseTrustedProxies(allow);
  } catch (error) {
    // The address grammar is TRUSTED_PROXIES' own; its message names that setting.
    throw new Error(String((error as Error).message).replace(/^TRUSTED_PROXIES/, "METRICS_ALLOW"));
  }
  return { tokenDigest: token ? digest(token) : null, allow: ranges };
}

export function isMetricsEnabled(config: MetricsAccessConfig): boolean {
  return config.tokenDigest !== null || config.allow.length > 0;
}

function isAllowed(address: string, ranges: readonly TrustedRange[]): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return ranges.some((range) => {
    if (range.version !== parsed.version) return false;
    const shift = BigInt((range.version === 4 ? 32 : 128) - range.prefix);
    return parsed.value >> shift === range.value >> shift;
  });
}

function bearerOf(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.authorization ?? "");
  return match ? match[1] : null;
}

/** The decision for one request; `headers` carry the client address the server entry stamped. */
export function decideAccess(config: MetricsAccessConfig, headers: IncomingHttpHeaders): Access {
  if (!isMetricsEnabled(config)) return { ok: false, status: 404, message: "No such endpoint: /metrics" };
  if (config.allow.length > 0 && !isAllowed(clientAddressOf(headers), config.allow)) {
    return { ok: false, status: 403, message: "This address may not read metrics (METRICS_ALLOW)." };
  }
  if (config.tokenDigest) {
    const presented = bearerOf(headers);
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (presented === null || !timingSafeEqual(digest(presented), config.tokenDigest)) {
      return {
        ok: false,
        status: 401,
        message: "Metrics need the bearer token METRICS_TOKEN names.",
        headers: { "WWW-Authenticate": 'Bearer realm="orrery-metrics"' },
      };
    }
  }
  return { ok: true };
}
