// The HA test's fleet: the simulator's own FleetRunner, with every agent request seen on its way out and back
// (through a wrapper around fetch, which the agent client uses), so the test knows which samples the core
// acknowledged, which commands it delivered and which replica answered, without changing the simulator.
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
  private readonly tokens = new Map<string, string>();

  error(kind: string): void {
    const inPhase = this.errors.get(this.phase) ?? new Map<string, number>();
    inPhase.set(kind, (inPhase.get(kind) ?? 0) + 1);
    this.errors.set(this.phase, inPhase);
  }

  private countCommand(what: "delivered" | "acked"): void {
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
    return [...new Set(this.tokens.values())];
  }

  /** Wraps fetch for the agent protocol's paths on `core`; everything else passes untouched. */
  install(core: string): void {
    const origin = new URL(core).origin;
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin !== origin || !url.pathname.startsWith("/api/agent/v1/")) return original(input, init);
      this.requests++;
      this.inFlight++;
      try {
        const res = await original(input, init);
        const replica = res.headers.get("x-orrery-replica") ?? "direct";
        this.byReplica.set(replica, (this.byReplica.get(replica) ?? 0) + 1);
        if (!res.ok) this.error(String(res.status));
        await this.observe(url.pathname, init, res.clone(), replica);
        return res;
      } catch (error) {
        this.error("net");
        if (url.pathname.endsWith("/heartbeat")) this.markUnanswered(init);
        throw error;
      } finally {
        this.inFlight--;
      }
    };
  }

  private satelliteOf(init: RequestInit | undefined): string {
    const auth = new Headers(init?.headers).get("authorization") ?? "";
    return this.tokens.get(auth.replace(/^Bearer /, "")) ?? "unknown";
  }

  private samplesOf(init: RequestInit | undefined): SampleLike[] {
    return (JSON.parse(String(init?.body ?? "{}")) as { samples?: SampleLike[] }).samples ?? [];
  }

  private markUnanswered(init: RequestInit | undefined): void {
    const satellite = this.satelliteOf(init);
    for (const s of this.samplesOf(init)) this.unanswered.add(`${satellite}:${s.seq}`);
  }

  private async observe(path: string, init: RequestInit | undefined, res: Response, replica: string) {
    if (path.endsWith("/enroll") && res.ok) {
      const body = (await res.json()) as { satelliteId: string; agentToken: string };
      this.tokens.set(body.agentToken, body.satelliteId);
    } else if (path.endsWith("/heartbeat")) {
      if (!res.ok) return this.markUnanswered(init);
      const satellite = this.satelliteOf(init);
      for (const s of this.samplesOf(init)) {
        const key = `${satellite}:${s.seq}`;
        this.acknowledged.set(key, fingerprint(s));
        this.unanswered.delete(key);
      }
      const body = (await res.json()) as { commands?: DeliveredLike[] };
      for (const c of body.commands ?? []) {
        const seen = this.deliveries.get(c.id) ?? { keys: new Set(), count: 0, replicas: new Set() };
        seen.keys.add(c.idempotencyKey);
        seen.count++;
        seen.replicas.add(replica);
        this.deliveries.set(c.id, seen);
        this.countCommand("delivered");
      }
    } else if (path.endsWith("/ack")) {
      const commandId = decodeURIComponent(path.split("/").at(-2) ?? "");
      this.acks.push({ commandId, replica, status: res.status });
      if (res.ok) this.countCommand("acked");
    }
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
  });
  runner.start();
  return { runner, ledger };
}
