// What a command does on a virtual satellite: how long it takes and how it ends. Pure, so tests can
// check every type without waiting.
import type { AckRequest, DeliveredCommand } from "../protocol";
import { type Rng, chance, pick, round1, uniform } from "./prng";

export type CommandContext = {
  stackVersion: string;
  previousStackVersion: string | null;
  upgradeFailureRate: number;
  uptimeSec: number;
  rttMs: number;
  cpuPct: number;
  degradedServices: string[];
};

/**
 * `restartedService`: a restart clears that service's degraded episode. `newToken`: the agent token to save
 * and switch to before the final ack is sent.
 */
export type CommandPlan = {
  durationMs: number;
  final: AckRequest;
  stackVersion?: string;
  restartedService?: string;
  newToken?: string;
};

const AGENT_TOKEN = /^orr_agent_[A-Za-z0-9_-]{43}$/;

/** Commands that just take a moment; the short aliases are accepted as well as the core's names. */
export const QUICK_COMMANDS = new Set([
  "satellite.cordon",
  "satellite.uncordon",
  "satellite.maintenance",
  "cordon",
  "uncordon",
  "maintenance",
  "service.restart",
  "link.set-limit",
]);

const UPGRADE_FAILURES = [
  "health check failed after upgrade: kubelet not ready within 120 s",
  "image pull timed out: registry unreachable over the uplink",
  "pre-flight check failed: less than 10 GB free on /var",
  "migration step 3/7 failed: etcd snapshot timed out",
];

const seconds = (rng: Rng, min: number, max: number) => Math.round(uniform(rng, min, max) * 1000);

export function planCommand(command: DeliveredCommand, rng: Rng, ctx: CommandContext): CommandPlan {
  const { type, payload } = command;
  if (type === "stack.upgrade") {
    const durationMs = seconds(rng, 20, 60);
    const version = payload.version;
    if (typeof version !== "string" || version === "") {
      return { durationMs: 0, final: { status: "failed", message: "payload.version is missing" } };
    }
    if (chance(rng, ctx.upgradeFailureRate)) {
      const message = `upgrade to ${version} failed: ${pick(rng, UPGRADE_FAILURES)}; still on ${ctx.stackVersion}`;
      return { durationMs, final: { status: "failed", message } };
    }
    const message = `upgraded from ${ctx.stackVersion} to ${version}`;
    return { durationMs, final: { status: "succeeded", message }, stackVersion: version };
  }
  if (type === "diagnostics.run") {
    const result = diagnostics(rng, ctx);
    return {
      durationMs: seconds(rng, 1, 3),
      final: { status: "succeeded", message: "diagnostics done", result },
    };
  }
  if (type === "stack.rollback") {
    const target = typeof payload.version === "string" ? payload.version : ctx.previousStackVersion;
    const durationMs = seconds(rng, 1, 5);
    if (!target) {
      return {
        durationMs,
        final: { status: "succeeded", message: `nothing to roll back: on ${ctx.stackVersion}` },
      };
    }
    const message = `rolled back from ${ctx.stackVersion} to ${target}`;
    return { durationMs, final: { status: "succeeded", message }, stackVersion: target };
  }
  if (type === "service.restart" && typeof payload.service === "string") {
    const final: AckRequest = { status: "succeeded", message: `restarted ${payload.service}` };
    return { durationMs: seconds(rng, 1, 5), final, restartedService: payload.service };
  }
  if (QUICK_COMMANDS.has(type)) {
    return { durationMs: seconds(rng, 1, 5), final: { status: "succeeded", message: `${type} done` } };
  }
  if (type === "agent.rotate-credentials") {
    const token = payload.agentToken;
    if (typeof token !== "string" || !AGENT_TOKEN.test(token)) {
      return { durationMs: 0, final: { status: "failed", message: "payload.agentToken is missing" } };
    }
    const final: AckRequest = { status: "succeeded", message: `now using agent token …${token.slice(-4)}` };
    return { durationMs: 0, final, newToken: token };
  }
  return { durationMs: 0, final: { status: "failed", message: `unknown command type: ${type}` } };
}

function diagnostics(rng: Rng, ctx: CommandContext): Record<string, unknown> {
  const load1 = round1((ctx.cpuPct / 100) * uniform(rng, 40, 64));
  const iface = (name: string, gbit: number) => ({
    name,
    rxBytes: Math.round(ctx.uptimeSec * gbit * uniform(rng, 1e7, 3e7)),
    txBytes: Math.round(ctx.uptimeSec * gbit * uniform(rng, 0.5e7, 2e7)),
    rxErrors: Math.floor(uniform(rng, 0, 20)),
    txErrors: Math.floor(uniform(rng, 0, 5)),
    drops: Math.floor(uniform(rng, 0, 200)),
  });
  return {
    uptimeSec: Math.round(ctx.uptimeSec),
    load: [load1, round1(load1 * uniform(rng, 0.8, 1.1)), round1(load1 * uniform(rng, 0.7, 1.05))],
    rttMs: ctx.rttMs,
    stackVersion: ctx.stackVersion,
    degradedServices: ctx.degradedServices,
    interfaces: [iface("eth0", 10), iface("eth1", 10), iface("bond0", 20)],
  };
}
