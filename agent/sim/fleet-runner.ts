// The whole virtual fleet: builds one agent per satellite, starts them, and reports and saves their state.
import { AgentClient } from "../protocol";
import { type Clock, sleep } from "./clock";
import type { SiteSpec } from "./fleet";
import { newRequestCounters, pooledTransport } from "./http-pool";
import type { LedgerReport } from "./ledger";
import { OutageGate, flakySlugs } from "./offline";
import { type AgentPhase, SimAgent, type SimAgentDeps } from "./sim-agent";
import { type AgentState, type SimState, saveState } from "./state-file";
import { SimStats } from "./stats";

export type FleetRunnerOptions = {
  core: string;
  speed: number;
  /** Commands take 1/commandSpeed of their modelled time (default 1). */
  commandSpeed?: number;
  upgradeFailureRate: number;
  offlineShare: number;
  /** Where rotated agent tokens are saved at once; without it they live in memory until the caller saves. */
  stateFile?: string;
  /** Sockets the whole fleet may hold open to the core (default 64). */
  maxSockets?: number;
};

/** What --report writes: per satellite slug, what its agent sent and the core acknowledged. */
export type FleetReport = {
  core: string;
  writtenAt: string;
  requests: { requests: number; retried: number; failed: number };
  satellites: Record<string, LedgerReport & { satelliteId: string | null }>;
};

export type FleetRunnerDeps = {
  clock: Clock;
  log: (message: string) => void;
  /** One client per agent: each holds its own token, all share one bounded keep-alive pool. */
  makeClient?: (core: string) => SimAgentDeps["client"];
};

/**
 * An enrollment is a database transaction on the core, a few dozen a second: ten thousand new agents starting
 * within one interval enroll a few at a time and queue here, rather than pile up in the core until they time
 * out (a timed-out enrollment may still have spent its single-use join token).
 */
const MAX_CONCURRENT_ENROLLMENTS = 4;

type Client = SimAgentDeps["client"];

function concurrencyLimit(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await call();
    } finally {
      // The slot passes straight to the next in line, or frees up.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

function limitEnrollment(client: Client, limit: ReturnType<typeof concurrencyLimit>): Client {
  return {
    enroll: (request) => limit(() => client.enroll(request)),
    heartbeat: (request) => client.heartbeat(request),
    ack: (id, request) => client.ack(id, request),
    facts: (request) => client.facts(request),
    setToken: (token) => client.setToken(token),
  };
}

export class FleetRunner {
  readonly agents: SimAgent[];
  readonly stats: SimStats;
  readonly gate = new OutageGate();
  /** Saved entries that belong to a different satellite now (the seed ran again): enrolled afresh. */
  readonly staleSlugs = new Set<string>();
  /** Every agent's calls through the shared pool (the default client only). */
  readonly requests = newRequestCounters();

  constructor(
    specs: readonly SiteSpec[],
    private readonly saved: SimState,
    private readonly options: FleetRunnerOptions,
    private readonly deps: FleetRunnerDeps,
  ) {
    this.stats = new SimStats(deps.clock.now());
    const flaky = flakySlugs(
      specs.map((s) => s.slug),
      options.offlineShare,
    );
    const transport = pooledTransport(options.maxSockets ?? 64, this.requests);
    const makeClient =
      deps.makeClient ?? ((core: string) => new AgentClient(core, undefined, undefined, transport));
    const enrolling = concurrencyLimit(MAX_CONCURRENT_ENROLLMENTS);
    this.agents = specs.map((spec) => {
      const { stateFile } = options;
      const persist = stateFile ? () => saveState(stateFile, this.stateToSave()) : undefined;
      const agentDeps = {
        ...deps,
        client: limitEnrollment(makeClient(options.core), enrolling),
        stats: this.stats,
        gate: this.gate,
        persist,
      };
      const agentOptions = { ...options, isFlaky: flaky.has(spec.slug) };
      return new SimAgent(spec, this.savedFor(spec), agentOptions, agentDeps);
    });
  }

  private savedFor(spec: SiteSpec): AgentState | null {
    const entry = this.saved.agents[spec.slug];
    if (!entry) return null;
    if (spec.satelliteId && entry.satelliteId !== spec.satelliteId) {
      this.staleSlugs.add(spec.slug);
      return null;
    }
    return entry;
  }

  start(): void {
    for (const agent of this.agents) agent.start();
  }

  /** Stops every agent, then fails their unfinished commands, waiting at most `graceMs` for the acks. */
  async stop(graceMs = 3_000): Promise<void> {
    for (const agent of this.agents) agent.stop();
    const message = "interrupted: the simulator stopped while this command ran";
    const abandoned = Promise.all(this.agents.map((a) => a.commands.abandon(message)));
    await Promise.race([abandoned, sleep(this.deps.clock, graceMs)]);
  }

  count(phase: AgentPhase): number {
    return this.agents.filter((a) => a.phase === phase).length;
  }

  statusLine(): string {
    let buffered = 0;
    for (const agent of this.agents) buffered += agent.buffer.size;
    const fleet = {
      running: this.count("running"),
      total: this.agents.length,
      cutOff: this.gate.size,
      buffered,
    };
    const extra = (["enrolling", "skipped", "revoked"] as const)
      .map((phase) => [phase, this.count(phase)] as const)
      .filter(([, n]) => n > 0)
      .map(([phase, n]) => `${phase} ${n}`);
    return [this.stats.statusLine(this.deps.clock.now(), fleet), ...extra].join(" · ");
  }

  report(): FleetReport {
    const satellites: FleetReport["satellites"] = {};
    for (const agent of this.agents) {
      const buffered = agent.buffer.peekBatch(Infinity);
      satellites[agent.spec.slug] = {
        satelliteId: agent.satelliteId,
        ...agent.ledger.report(buffered, agent.buffer.dropped),
      };
    }
    const writtenAt = new Date(this.deps.clock.now()).toISOString();
    return { core: this.options.core, writtenAt, requests: { ...this.requests }, satellites };
  }

  /** The saved file plus what this run learnt; satellites not simulated this time keep their entries. */
  stateToSave(): SimState {
    const agents: Record<string, AgentState> = { ...this.saved.agents };
    for (const agent of this.agents) {
      const snapshot = agent.snapshot();
      if (snapshot) agents[agent.spec.slug] = snapshot;
      else if (agent.phase === "revoked" || this.staleSlugs.has(agent.spec.slug)) {
        delete agents[agent.spec.slug];
      }
    }
    return { agents };
  }
}
