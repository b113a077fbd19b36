import type { DeliveredCommand } from "../protocol";
import type { CommandHandler, FinalAck } from "./command-executor";
import type { HookOutcome, HookRequest } from "./upgrade-hook";

export type HandlerDeps = {
  gatherDiagnostics: () => Promise<Record<string, unknown>>;
  upgradeHookPath: string | null;
  runUpgradeHook: (request: HookRequest) => Promise<HookOutcome>;
  currentStackVersion: () => string;
  setStackVersion: (version: string) => void;
  /** Saves the new agent token (atomically, before the ack is sent) and uses it from then on. */
  adoptAgentToken: (token: string) => void;
};

const AGENT_TOKEN = /^orr_agent_[A-Za-z0-9_-]{43}$/;

const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/;

/** The control plane already changed its own state; this agent has nothing to do on the host for these. */
const ACKNOWLEDGED: Record<string, string> = {
  "satellite.cordon": "cordon acknowledged: no new work is scheduled here",
  "satellite.uncordon": "uncordon acknowledged",
  "satellite.maintenance": "maintenance mode acknowledged",
  "link.set-limit": "link limit acknowledged",
  "service.restart": "service restart acknowledged",
  "stack.rollback": "rollback acknowledged",
};

export function commandHandlers(deps: HandlerDeps): Record<string, CommandHandler> {
  const handlers: Record<string, CommandHandler> = {
    "diagnostics.run": async () => ({
      status: "succeeded",
      message: "diagnostics gathered",
      result: await deps.gatherDiagnostics(),
    }),
    "stack.upgrade": upgradeHandler(deps),
    "agent.rotate-credentials": async (command) => {
      const token = command.payload?.agentToken;
      if (typeof token !== "string" || !AGENT_TOKEN.test(token)) {
        return { status: "failed", message: "payload.agentToken is missing or not an agent token" };
      }
      // If saving throws, the executor acks "failed" and the current token stays in use.
      deps.adoptAgentToken(token);
      return { status: "succeeded", message: `now using agent token …${token.slice(-4)}` };
    },
  };
  for (const [type, message] of Object.entries(ACKNOWLEDGED)) {
    handlers[type] = async () => ({ status: "succeeded", message });
  }
  return handlers;
}

function upgradeHandler(deps: HandlerDeps): CommandHandler {
  let isUpgrading = false;
  return async (command: DeliveredCommand, context) => {
    const version = command.payload?.version;
    if (typeof version !== "string" || !VERSION.test(version)) {
      return { status: "failed", message: "payload.version is missing or not a version such as 2026.12.0" };
    }
    if (!deps.upgradeHookPath) return { status: "failed", message: "no upgrade hook configured" };
    if (isUpgrading) return { status: "failed", message: "another upgrade is already running" };
    isUpgrading = true;
    try {
      context.reportRunning(`running the upgrade hook to ${version}`);
      const outcome = await deps.runUpgradeHook({
        hookPath: deps.upgradeHookPath,
        targetVersion: version,
        currentVersion: deps.currentStackVersion(),
        commandId: command.id,
      });
      return upgradeAck(version, outcome, deps);
    } finally {
      isUpgrading = false;
    }
  };
}

function upgradeAck(version: string, outcome: HookOutcome, deps: HandlerDeps): FinalAck {
  const result = { version, ...outcome };
  if (outcome.exitCode === 0 && !outcome.isTimedOut) {
    deps.setStackVersion(version);
    return { status: "succeeded", message: `upgraded to ${version}`, result };
  }
  const how = outcome.spawnError
    ? `could not be started: ${outcome.spawnError}`
    : outcome.isTimedOut
      ? "timed out and was stopped"
      : outcome.exitCode !== null
        ? `exited with code ${outcome.exitCode}`
        : `was killed by ${outcome.signal}`;
  const said = outcome.stderrTail ? `: ${outcome.stderrTail.slice(-500)}` : "";
  return { status: "failed", message: `upgrade hook ${how}${said}`, result };
}
