import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { env } from "../env";
import { log, logError } from "../log";
import { reportTick } from "../metrics/reconciler-report";
import { settleCommands } from "./commands";
import { recordConnectivityTransitions } from "./connectivity";
import { proposeIncidents } from "./incident-proposals";
import { advanceRollouts } from "./rollouts";
import { acquireLease, releaseLease } from "./lease";
import { applyRetention } from "./retention";
import { rollUp } from "./rollups";
import { evaluateStatusPages } from "../status/evaluate";
import { alertsAndDelivery } from "../alerts/reconcile";
import { evaluatePolicies } from "../policies/pass";

export const LEASE_NAME = "reconciler";
const TICK_MS = env.RECONCILER_TICK_MS;
// Four missed passes before another replica may take over (20 s at the default 5 s).
const LEASE_TTL_MS = 4 * TICK_MS;
const ROLLUP_EVERY_MS = 60_000;
const RETENTION_EVERY_MS = 10 * 60_000;

export type TickReport = {
  isLeader: boolean;
  transitions?: number;
  proposals?: number;
  commands?: object;
  rollouts?: number;
  rolledUp?: boolean;
  statusPages?: object;
  alerts?: object;
  retention?: object;
};

/**
 * The one loop that keeps derived state true: connectivity transitions, incident proposals, command leases
 * and expiry, rollout waves, telemetry roll-ups and retention. Any number may run; the lease row lets one work at a time.
 */
export class Reconciler {
  readonly holder: string;
  private timer: NodeJS.Timeout | null = null;
  private lastRollup = 0;
  private lastRetention = 0;
  private running: Promise<unknown> | null = null;

  constructor(holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`) {
    this.holder = holder;
  }

  /** One pass. Every step is idempotent, so a crash or restart between steps loses nothing. */
  async tick(now = new Date()): Promise<TickReport> {
    const isLeader = await acquireLease(LEASE_NAME, this.holder, LEASE_TTL_MS, now);
    if (!isLeader) return { isLeader };
    const report: TickReport = { isLeader };
    // Each step stands alone: one that fails is logged and retried next tick, never holding up the others.
    const step = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await run();
      } catch (error) {
        logError(`reconciler step failed: ${name}`, error);
        return undefined;
      }
    };
    report.transitions = await step("connectivity", () => recordConnectivityTransitions(now));
    // Reads the offline events the step above just wrote.
    report.proposals = await step("incident proposals", () => proposeIncidents(now));
    report.commands = await step("commands", () => settleCommands(now));
    // After settling: an upgrade that expired this tick counts as failed in the same tick.
    report.rollouts = await step("rollouts", () => advanceRollouts(now));
    // After connectivity: the published status of every status page takes its debounce step.
    report.statusPages = await step("status pages", () => evaluateStatusPages(now));
    // Alert rules, then a delivery pass over the outbox that runs on without holding up the tick.
    report.alerts = await step("alerts", () => alertsAndDelivery(now));
    await step("policies", () => evaluatePolicies(now)); // changed satellites each tick, all every minute
    if (now.getTime() - this.lastRollup >= ROLLUP_EVERY_MS) {
      await step("roll-ups", () => rollUp(now));
      this.lastRollup = now.getTime();
      report.rolledUp = true;
    }
    if (now.getTime() - this.lastRetention >= RETENTION_EVERY_MS) {
      report.retention = await step("retention", () => applyRetention(now));
      this.lastRetention = now.getTime();
    }
    return report;
  }

  start(): void {
    if (this.timer) return;
    const loop = async () => {
      const started = performance.now();
      this.running = this.tick()
        .then((report) => reportTick(report, (performance.now() - started) / 1000))
        .catch((error: unknown) => logError("reconciler tick failed", error));
      await this.running;
      if (this.timer) this.timer = setTimeout(loop, TICK_MS);
    };
    this.timer = setTimeout(loop, 500);
    log("info", "reconciler started", { holder: this.holder });
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await releaseLease(LEASE_NAME, this.holder).catch(() => undefined);
  }
}
