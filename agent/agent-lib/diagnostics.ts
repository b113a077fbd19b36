import { readDiskUsage } from "../host/disk-usage";
import { hostFacts } from "../host/host-facts";
import { describeError } from "./core-calls";

const MAX_INTERFACES = 256;

export type DiagnosticsSources = {
  procRoot: string;
  diskPath: string;
  core: string;
  agentVersion: string;
  stackVersion: () => string;
  bufferedSamples: () => number;
  clock: () => number;
};

/** One timed GET of the core's liveness endpoint: the same path heartbeats take, minus the database. */
export async function roundTrip(core: string, clock: () => number): Promise<Record<string, unknown>> {
  const url = new URL("/healthz", core).toString();
  const started = clock();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return { url, status: res.status, ms: clock() - started };
  } catch (error) {
    return { url, error: describeError(error), ms: clock() - started };
  }
}

export async function gatherDiagnostics(sources: DiagnosticsSources): Promise<Record<string, unknown>> {
  const facts = hostFacts(sources.procRoot);
  let disk: Record<string, unknown>;
  try {
    const usage = readDiskUsage(sources.diskPath);
    disk = { ...usage, pct: Math.round(usage.pct * 10) / 10 };
  } catch (error) {
    disk = { path: sources.diskPath, error: describeError(error) };
  }
  return {
    at: new Date(sources.clock()).toISOString(),
    hostname: facts.hostname,
    kernel: facts.kernel,
    uptimeSec: facts.uptimeSec,
    loadavg: facts.loadavg,
    cores: facts.cores,
    disk,
    // A host with thousands of container veths would otherwise outgrow the core's 256 KiB body limit.
    network: facts.interfaces.slice(0, MAX_INTERFACES),
    interfaceCount: facts.interfaces.length,
    coreRoundTrip: await roundTrip(sources.core, sources.clock),
    agentVersion: sources.agentVersion,
    stackVersion: sources.stackVersion(),
    bufferedSamples: sources.bufferedSamples(),
  };
}
