// The agent protocol v1 as seen from a satellite (docs/agent-protocol.md): types and a small HTTP client
// shared by the real agent and the simulator. Plain fetch, no server code.

export type ServiceStatus = "ok" | "degraded" | "down";

export type Sample = {
  seq: number;
  at: string; // ISO 8601
  cpuPct: number;
  memPct: number;
  diskPct: number;
  rxMbps: number;
  txMbps: number;
  rttMs: number;
  lossPct: number;
  services: Record<string, ServiceStatus>;
};

export type EnrollRequest = {
  joinToken: string;
  satellite?: {
    slug: string;
    name: string;
    kind: "datacenter" | "edge" | "cloud" | "colo";
    provider: string;
    city: string;
    country: string;
    lat: number;
    lon: number;
    capacity: { cores: number; memoryGb: number; storageTb: number };
    link: { uplinkMbps: number; downlinkMbps: number };
    labels?: Record<string, string>;
  };
  agentVersion: string;
  stackVersion: string;
};

export type EnrollResponse = { satelliteId: string; agentToken: string; heartbeatIntervalSec: number };

export type DeliveredCommand = {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  issuedAt: string;
  expiresAt: string;
};

export type HeartbeatRequest = { agentVersion: string; stackVersion: string; samples: Sample[] };

export type HeartbeatResponse = {
  accepted: number;
  duplicates: number;
  lastSeq: number;
  heartbeatIntervalSec: number;
  commands: DeliveredCommand[];
};

/** Host facts (docs/agent-protocol.md, "Facts"): null or absent is "unknown", never "compliant". */
export type FactsRequest = {
  agentVersion: string;
  osName?: string | null;
  osVersion?: string | null;
  kernel?: string | null;
  diskEncrypted?: boolean | null;
  timeSynced?: boolean | null;
  clockOffsetMs?: number | null;
  fipsEnabled?: boolean | null;
  pendingSecurityUpdates?: number | null;
  lastBackupAt?: string | null;
};

export type FactsResponse = { stored: boolean; reportedAt: string; nextReportSec: number };

export type AckRequest = {
  status: "running" | "succeeded" | "failed";
  message?: string;
  result?: Record<string, unknown>;
};

export type ProtocolErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
};

/** A non-2xx answer from the core. `retryAfterSec` is set on 429. */
export class ProtocolError extends Error {
  constructor(
    readonly status: number,
    readonly body: ProtocolErrorBody | null,
    readonly retryAfterSec?: number,
  ) {
    super(`core answered ${status}: ${body?.error.message ?? "no body"}`);
    this.name = "ProtocolError";
  }
}

export const MAX_SAMPLES_PER_HEARTBEAT = 500;

/** One POST and its whole answer; the simulator swaps in a bounded keep-alive pool (agent/sim/http-pool.ts). */
export type Transport = (request: {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}) => Promise<{ status: number; retryAfter: string | null; text: string }>;

export const fetchTransport: Transport = async ({ url, headers, body, timeoutMs }) => {
  const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), text: await res.text() };
};

export class AgentClient {
  constructor(
    readonly core: string,
    private token?: string,
    private readonly timeoutMs = 15_000,
    private readonly transport: Transport = fetchTransport,
  ) {}

  setToken(token: string) {
    this.token = token;
  }

  private async call<T>(path: string, body: unknown, auth: boolean): Promise<T> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (auth) {
      if (!this.token) throw new Error("no agent token: enroll first");
      headers.authorization = `Bearer ${this.token}`;
    }
    const res = await this.transport({
      url: new URL(path, this.core),
      headers,
      body: JSON.stringify(body),
      timeoutMs: this.timeoutMs,
    });
    const text = res.text;
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.status < 200 || res.status > 299) {
      const retry = Number(res.retryAfter);
      throw new ProtocolError(
        res.status,
        json as ProtocolErrorBody | null,
        Number.isFinite(retry) ? retry : undefined,
      );
    }
    return json as T;
  }

  enroll(request: EnrollRequest): Promise<EnrollResponse> {
    return this.call("/api/agent/v1/enroll", request, false);
  }

  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> {
    return this.call("/api/agent/v1/heartbeat", request, true);
  }

  facts(request: FactsRequest): Promise<FactsResponse> {
    return this.call("/api/agent/v1/facts", request, true);
  }

  ack(commandId: string, request: AckRequest): Promise<{ id: string; state: string }> {
    return this.call(`/api/agent/v1/commands/${encodeURIComponent(commandId)}/ack`, request, true);
  }
}
