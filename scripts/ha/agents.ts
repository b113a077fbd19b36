// The HA test's fleet: the simulator's own FleetRunner, each agent's client wrapped so the test knows which
// samples the core acknowledged, which commands it delivered and what failed, without changing the simulator.
import {
  type AckRequest,
  AgentClient,
  type EnrollRequest,
  type EnrollResponse,
  type FactsRequest,
  type FactsResponse,
  type HeartbeatRequest,
  type HeartbeatResponse,
} from "../../agent/protocol";
import { systemClock } from "../../agent/sim/clock";
import { FleetRunner } from "../../agent/sim/fleet-runner";
import { generatedFleet } from "../../agent/sim/generated-fleet";

type SampleLike = { seq: number; at: string; cpuPct: number; memPct: number; rxMbps: number };
type DeliveredLike = { id: string; idempotencyKey: string };

/** One sample as the test compares it with its stored row. */
export const fingerprint = (s: { at: string | Date; cpuPct: number; memPct: number; rxMbps: number }) =>
  `${new Date(s.at).getTime()}|${s.cpuPct}|${s.memPct}|${s.rxMbps}`;

export class AgentLedger {
  /** `satelliteId:seq` → fingerprint, for every sample in a heartbeat the core answered with 2xx. */
  readonly acknowledged = new Map<string, string>();
  /** Samples sent in a heartbeat that got no 2xx (they stay buffered and are sent again). */
  readonly unanswered = new Set<string>();
  readonly deliveries = new Map<string, { keys: Set<string>; count: number; replicas: Set<string> }>();
  readonly acks: { commandId: string; replica: string; status: number }[] = [];
  /** Agent-visible failures (no answer, or an answer other than 2xx), by the phase the test was in. */
  readonly errors = new Map<string, Map<string, number>>();
  readonly byReplica = new Map<string, number>();
  /** Commands delivered and acks accepted, by phase: leases must go on after a failover. */
  readonly commandsByPhase = new Map<string, { delivered: number; acked: number }>();
  requests = 0;
  inFlight = 0;
  phase = "start";

  error(kind: string): void {
    const inPhase = this.errors.get(this.phase) ?? new Map<string, number>();
    inPhase.set(kind, (inPhase.get(kind) ?? 0) + 1);
    this.errors.set(this.phase, inPhase);
  }

  countCommand(what: "delivered" | "acked"): void {
    const counts = this.commandsByPhase.get(this.phase) ?? { delivered: 0, acked: 0 };
    counts[what]++;
    this.commandsByPhase.set(this.phase, counts);
  }

  errorCount(phase?: string): number {
    let n = 0;
    for (const [p, kinds] of this.errors) if (!phase || p === phase) for (const v of kinds.values()) n += v;
    return n;
  }

  /** The fleet's satellites, as enrollment answered. */
  satelliteIds(): string[] {
    return [...this.satellites];
  }

  readonly satellites = new Set<string>();

  /** Counts one agent call and its outcome; a failure is what the agent saw (no answer, or not 2xx). */
  async track<T>(call: () => Promise<T>): Promise<T> {
    this.requests++;
    this.inFlight++;
    try {
      return await call();
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      this.error(typeof status === "number" ? String(status) : "net");
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  acknowledge(satelliteId: string, samples: readonly SampleLike[], commands: readonly DeliveredLike[]) {
    for (const s of samples) {
      const key = `${satelliteId}:${s.seq}`;
      this.acknowledged.set(key, fingerprint(s));
      this.unanswered.delete(key);
    }
    for (const c of commands) {
      const seen = this.deliveries.get(c.id) ?? { keys: new Set(), count: 0, replicas: new Set() };
      seen.keys.add(c.idempotencyKey);
      seen.count++;
      const replica = this.deliveredBy.get(c.id);
      if (replica) seen.replicas.add(replica);
      this.deliveries.set(c.id, seen);
      this.countCommand("delivered");
    }
  }

  /** Which replica answered (HAProxy's X-Orrery-Replica), seen on fetch: only the agent client's default transport uses it. */
  readonly deliveredBy = new Map<string, string>();

  install(core: string): void {
    const origin = new URL(core).origin;
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const res = await original(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin !== origin || !url.pathname.startsWith("/api/agent/v1/")) return res;
      const replica = res.headers.get("x-orrery-replica") ?? "unknown";
      this.byReplica.set(replica, (this.byReplica.get(replica) ?? 0) + 1);
      if (url.pathname.endsWith("/heartbeat") && res.ok) {
        const body = (await res.clone().json()) as { commands?: DeliveredLike[] };
        for (const c of body.commands ?? []) this.deliveredBy.set(c.id, replica);
      } else if (url.pathname.endsWith("/ack")) {
        const commandId = decodeURIComponent(url.pathname.split("/").at(-2) ?? "");
        this.acks.push({ commandId, replica, status: res.status });
      }
      return res;
    };
  }
}

/** The agent client the simulator would use, with every call written in the ledger. */
class RecordingClient implements Pick<AgentClient, "enroll" | "heartbeat" | "ack" | "facts" | "setToken"> {
  private readonly inner: AgentClient;
  private satelliteId = "unknown";

  constructor(
    core: string,
    private readonly ledger: AgentLedger,
  ) {
    this.inner = new AgentClient(core);
  }

  setToken(token: string): void {
    this.inner.setToken(token);
  }

  async enroll(request: EnrollRequest): Promise<EnrollResponse> {
    const answer = await this.ledger.track(() => this.inner.enroll(request));
    this.satelliteId = answer.satelliteId;
    this.ledger.satellites.add(answer.satelliteId);
    return answer;
  }

  async heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> {
    try {
      const answer = await this.ledger.track(() => this.inner.heartbeat(request));
      this.ledger.acknowledge(this.satelliteId, request.samples, answer.commands ?? []);
      return answer;
    } catch (error) {
      for (const s of request.samples) this.ledger.unanswered.add(`${this.satelliteId}:${s.seq}`);
      throw error;
    }
  }

  async ack(commandId: string, request: AckRequest): Promise<{ id: string; state: string }> {
    const answer = await this.ledger.track(() => this.inner.ack(commandId, request));
    this.ledger.countCommand("acked");
    return answer;
  }

  facts(request: FactsRequest): Promise<FactsResponse> {
    return this.ledger.track(() => this.inner.facts(request));
  }
}

export type Fleet = { runner: FleetRunner; ledger: AgentLedger };

/** 1,000 (or `count`) agents enrolling with one join token against `core` (the balancer). */
export function startFleet(core: string, joinToken: string, count: number, log: (m: string) => void): Fleet {
  const ledger = new AgentLedger();
  ledger.install(core);
  const options = { core, speed: 1, commandSpeed: 20, upgradeFailureRate: 0, offlineShare: 0 };
  const runner = new FleetRunner(generatedFleet(joinToken, count), { agents: {} }, options, {
    clock: systemClock,
    log,
    makeClient: (url) => new RecordingClient(url, ledger),
  });
  runner.start();
  return { runner, ledger };
}
