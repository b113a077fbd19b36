// An in-memory core for unit tests: records every call and answers from queued scripts.
import {
  type AckRequest,
  type DeliveredCommand,
  type EnrollRequest,
  type EnrollResponse,
  type FactsRequest,
  type FactsResponse,
  type HeartbeatRequest,
  type HeartbeatResponse,
  ProtocolError,
} from "../protocol";

type Scripted<T> = T | ProtocolError | Error;

export class FakeClient {
  token: string | null = null;
  readonly enrolls: EnrollRequest[] = [];
  readonly heartbeats: HeartbeatRequest[] = [];
  readonly acks: Array<{ id: string } & AckRequest> = [];
  readonly factsReports: FactsRequest[] = [];
  /** Answers used in order; when empty, facts are stored and the next report is asked in an hour. */
  readonly factsScript: Array<Scripted<FactsResponse>> = [];
  /** Answers used in order; when empty, heartbeats and acks succeed. */
  readonly heartbeatScript: Array<Scripted<Partial<HeartbeatResponse>>> = [];
  readonly ackScript: Array<Scripted<null>> = [];
  enrollAnswer: Scripted<EnrollResponse> = {
    satelliteId: "sat-1",
    agentToken: "orr_agent_test",
    heartbeatIntervalSec: 10,
  };

  setToken(token: string): void {
    this.token = token;
  }

  async enroll(request: EnrollRequest): Promise<EnrollResponse> {
    this.enrolls.push(request);
    if (this.enrollAnswer instanceof Error) throw this.enrollAnswer;
    return this.enrollAnswer;
  }

  async heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> {
    this.heartbeats.push(request);
    const next = this.heartbeatScript.shift() ?? {};
    if (next instanceof Error) throw next;
    const count = request.samples.length;
    return {
      accepted: count,
      duplicates: 0,
      lastSeq: request.samples[count - 1]?.seq ?? 0,
      heartbeatIntervalSec: 10,
      commands: [],
      ...next,
    };
  }

  async facts(request: FactsRequest): Promise<FactsResponse> {
    this.factsReports.push(request);
    const next = this.factsScript.shift();
    if (next instanceof Error) throw next;
    return next ?? { stored: true, reportedAt: new Date(0).toISOString(), nextReportSec: 3600 };
  }

  /** Called as each ack is sent, with the token it carries: to look at what was saved by then. */
  onAck: ((id: string, request: AckRequest, token: string | null) => Promise<void> | void) | null = null;

  async ack(id: string, request: AckRequest): Promise<{ id: string; state: string }> {
    await this.onAck?.(id, request, this.token);
    this.acks.push({ id, ...request });
    const next = this.ackScript.shift() ?? null;
    if (next instanceof Error) throw next;
    return { id, state: request.status };
  }
}

export function failure(status: number, retryAfterSec?: number): ProtocolError {
  return new ProtocolError(status, { error: { code: "TEST", message: `status ${status}` } }, retryAfterSec);
}

export function command(overrides: Partial<DeliveredCommand> = {}): DeliveredCommand {
  return {
    id: "cmd-1",
    type: "diagnostics.run",
    payload: {},
    idempotencyKey: "key-1",
    issuedAt: "2026-11-28T10:00:00Z",
    expiresAt: "2026-11-28T11:00:00Z",
    ...overrides,
  };
}
