// The Orrery agent for Linux hosts: enrolls once, then samples the host and heartbeats to the core,
// buffering on disk while the core is away and running the commands it hands back. See agent/README.md.
import { accessSync, constants, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { collectFacts } from "./host/facts/collect";
import { hostCapacity, slugFromHostname } from "./host/host-facts";
import { HostSampler } from "./host/host-sampler";
import { AgentLoop } from "./agent-lib/agent-loop";
import { parseAgentArgs, readJoinToken, USAGE, UsageError, type AgentConfig } from "./agent-lib/cli-args";
import { CommandExecutor } from "./agent-lib/command-executor";
import { commandHandlers } from "./agent-lib/command-handlers";
import { timedCall } from "./agent-lib/core-calls";
import { gatherDiagnostics } from "./agent-lib/diagnostics";
import { SampleBuffer } from "./agent-lib/disk-buffer";
import { enrollUntilDone } from "./agent-lib/enroll";
import { FactsReporter } from "./agent-lib/facts-reporter";
import { EXIT } from "./agent-lib/exit-codes";
import { consoleLogger, type Logger } from "./agent-lib/log";
import { satelliteBlock } from "./agent-lib/satellite-flags";
import { sleep } from "./agent-lib/sleep";
import { DEFAULT_STACK_VERSION, StateStore } from "./agent-lib/state-store";
import { runUpgradeHook } from "./agent-lib/upgrade-hook";
import { AgentClient, type EnrollRequest } from "./protocol";

const SHUTDOWN_GRACE_MS = 5_000;
const clock = () => Date.now();

async function main(argv: string[]): Promise<number> {
  let config: AgentConfig | "help";
  try {
    config = parseAgentArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`orrery-agent: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (config === "help") {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.stopped;
  }
  const log = consoleLogger();
  const stop = stopOnSignals(log);
  const store = StateStore.open(config.stateDir);
  const client = new AgentClient(config.core);

  if (!store.isEnrolled || config.isReenroll) {
    let joinToken: string;
    try {
      joinToken = readJoinToken(config.joinToken, (path) => readFileSync(path, "utf8"));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`orrery-agent: ${store.path} does not exist yet: ${error.message}\n`);
      return EXIT.usage;
    }
    const outcome = await enrollUntilDone({
      enroll: (request) => client.enroll(request),
      store,
      request: enrollRequest(config, joinToken),
      core: config.core,
      log,
      clock,
      signal: stop.signal,
    });
    // A --re-enroll left in a unit file must not stop later starts once its single-use token is spent.
    const isKeepingSavedToken =
      !outcome.isEnrolled && store.isEnrolled && outcome.exitCode === EXIT.enrollmentRefused;
    if (isKeepingSavedToken) log("warn", "--re-enroll was refused: carrying on with the saved agent token");
    else if (!outcome.isEnrolled) return outcome.exitCode;
  } else if (config.joinToken) {
    log("info", `already enrolled (${store.path}): the join token is not needed and was not used`);
  }
  if (store.state.core !== config.core) {
    log("info", `the core moved from ${store.state.core} to ${config.core}; the agent token still applies`);
    store.update((s) => (s.core = config.core));
  }
  store.applyStackVersionFlag(config.stackVersion);
  client.setToken(store.state.agentToken);
  if (config.upgradeHook && !isExecutable(config.upgradeHook)) {
    log("warn", `--upgrade-hook ${config.upgradeHook} is not an executable file: stack.upgrade will fail`);
  }
  if (config.backupHook && !isExecutable(config.backupHook)) {
    log(
      "warn",
      `--backup-hook ${config.backupHook} is not an executable file: the last backup stays unknown`,
    );
  }

  const buffer = new SampleBuffer(config.stateDir);
  store.raiseSeq(buffer.lastSeq ?? 0);
  const stackVersion = () => store.state.stackVersion ?? DEFAULT_STACK_VERSION;
  let loop: AgentLoop | null = null;
  const executor = new CommandExecutor({
    store,
    log,
    clock,
    sendAck: (commandId, ack) => timedCall(() => client.ack(commandId, ack), clock),
    onUnauthorized: (message) => loop?.stop(message),
    handlers: commandHandlers({
      gatherDiagnostics: () =>
        gatherDiagnostics({
          ...config,
          stackVersion,
          bufferedSamples: () => buffer.size,
          clock,
        }),
      upgradeHookPath: config.upgradeHook,
      runUpgradeHook,
      currentStackVersion: stackVersion,
      setStackVersion: (version) => store.update((s) => (s.stackVersion = version)),
      adoptAgentToken: (token) => {
        store.setAgentToken(token);
        client.setToken(token);
      },
    }),
  });
  const sampler = new HostSampler({ procRoot: config.procRoot, diskPath: config.diskPath });
  loop = new AgentLoop({
    store,
    buffer,
    readHost: (nowMs) => sampler.read(nowMs),
    heartbeat: (request) => client.heartbeat(request),
    executor,
    log,
    clock,
    agentVersion: config.agentVersion,
    intervalOverrideSec: config.intervalOverrideSec ?? undefined,
    isVerbose: config.isVerbose,
  });
  log(
    "info",
    `agent ${config.agentVersion} running for satellite ${store.state.satelliteId} ` +
      `(stack ${stackVersion()}), ` +
      `every ${loop.intervalMs / 1000} s, ${buffer.size} sample(s) buffered, core ${config.core}`,
  );
  // /proc's parent is the host's root: /proc → /, /host/proc → /host/ in a container.
  const hostRoot = dirname(config.procRoot);
  const facts = new FactsReporter({
    collect: () =>
      collectFacts({
        agentVersion: config.agentVersion,
        procRoot: config.procRoot,
        sysRoot: join(hostRoot, "sys"),
        root: hostRoot.endsWith("/") ? hostRoot : `${hostRoot}/`,
        backupHook: config.backupHook,
      }),
    send: (request) => client.facts(request),
    log,
    clock,
    onUnauthorized: (message) => loop?.stop(message),
  });
  const factsStop = new AbortController();
  stop.signal.addEventListener("abort", () => factsStop.abort(), { once: true });
  // Never awaited at shutdown: a package manager still running must not hold the agent's exit.
  void facts.run(factsStop.signal);
  const exitCode = await loop.run(stop.signal);
  factsStop.abort();
  if (executor.runningCount > 0) log("info", "waiting a few seconds for running commands to finish");
  await Promise.race([executor.idle(), sleep(SHUTDOWN_GRACE_MS, new AbortController().signal)]);
  log("info", `stopped (exit code ${exitCode}); state is in ${store.path}`);
  return exitCode;
}

function enrollRequest(config: AgentConfig, joinToken: string): EnrollRequest {
  const request: EnrollRequest = {
    joinToken,
    agentVersion: config.agentVersion,
    stackVersion: config.stackVersion ?? DEFAULT_STACK_VERSION,
  };
  if (config.satellite) {
    const host = hostname();
    request.satellite = satelliteBlock(
      config.satellite,
      hostCapacity(config.diskPath),
      slugFromHostname(host),
      host,
    );
  }
  return request;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first SIGINT/SIGTERM ends the loop after its current step; a second one exits at once. */
function stopOnSignals(log: Logger): AbortController {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    log("info", `${signal}: stopping after the current step`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return controller;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(
      `${new Date().toISOString()} ERROR agent stopped on an unexpected error: ${detail}\n`,
    );
    process.exit(EXIT.crashed);
  },
);
