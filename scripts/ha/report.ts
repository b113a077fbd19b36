// The HA test's figures and verdict: printed whatever the outcome, so a failing run still says what it saw.
import type { AgentLedger } from "./agents";
import type { BrowserSession } from "./browser";
import type { Store } from "./store";
import type { Workload } from "./workload";

type Rollout = Awaited<ReturnType<Store["rollout"]>>;
export type Figures = {
  isShort: boolean;
  agents: number;
  ledger: AgentLedger;
  samples: Awaited<ReturnType<Store["samples"]>>;
  commands: Awaited<ReturnType<Store["commands"]>>;
  browser: BrowserSession;
  workload: Workload;
  failover: { leader: string; newLeader: string | null; failoverMs: number | null; ttlMs: number };
  drain: { replica: string; code: number | null; drainMs: number };
  probes: { statusMs: number | null; revokeMs: number | null };
  rollout: { atKill: Rollout; atEnd: Rollout };
};

const fmt = (m: Map<string, unknown>): string =>
  [...m].map(([k, v]) => `${k} ${v instanceof Map ? `{${fmt(v)}}` : JSON.stringify(v)}`).join(", ") || "none";

export function report(f: Figures): boolean {
  const { ledger, samples, commands } = f;
  const settled = (r: Rollout) => (r.targets.succeeded ?? 0) + (r.targets.failed ?? 0);
  const after = (phase: string) => ledger.commandsByPhase.get(phase) ?? { delivered: 0, acked: 0 };
  const commandsAfterKill = ["sigkill", "restarted", "sigterm", "after"].reduce(
    (n, p) => n + after(p).delivered + after(p).acked,
    0,
  );
  const lines = [
    `HA test (${f.isShort ? "short" : "full"}): ${f.agents} agents, ${ledger.requests} agent requests, by replica: ${fmt(ledger.byReplica)}`,
    `failover: SIGKILL ${f.failover.leader} → lease held by ${f.failover.newLeader} after ${f.failover.failoverMs} ms (TTL ${f.failover.ttlMs} ms, limit ${2 * f.failover.ttlMs} ms)`,
    `drain: SIGTERM ${f.drain.replica} → exit ${f.drain.code} after ${f.drain.drainMs} ms`,
    `agent-visible errors: ${ledger.errorCount()} in all (${fmt(ledger.errors)}); during the SIGTERM drain: ${ledger.errorCount("sigterm")}`,
    `samples: ${samples.acknowledged} acknowledged, ${samples.stored} stored, ${samples.duplicated} stored twice, ${samples.missing} missing, ${samples.differing} differing, ${samples.storedUnacknowledged} stored whose answer was lost (${samples.neverSent} never sent); checksum sent ${samples.sentChecksum} stored ${samples.storedChecksum}`,
    `commands: ${commands.issued} in the database, ${commands.delivered} delivered, ${commands.redelivered} delivered again under the same key, ${commands.keyMismatch} under another key; ${commands.crossAcks} acked through another replica than the one that delivered; by state ${fmt(commands.states)}; by phase ${fmt(ledger.commandsByPhase)}`,
    `rollout: ${f.rollout.atKill.status} with ${settled(f.rollout.atKill)} targets settled at the kill → ${f.rollout.atEnd.status} with ${settled(f.rollout.atEnd)} at the end (${JSON.stringify(f.rollout.atEnd.targets)})`,
    `cross-replica: status page change on A seen on B after ${f.probes.statusMs} ms; credential revoked on A refused on B after ${f.probes.revokeMs} ms`,
    `browser: ${f.browser.loads} pages loaded signed in, ${f.browser.failureCount()} failed (${fmt(f.browser.failures)})`,
    `operator REST calls: ${f.workload.issued} command batches issued, failures ${fmt(f.workload.failures)}`,
  ];
  for (const line of lines) console.log(line);
  const checks: [string, boolean][] = [
    [
      "another process took the lease within 2× its TTL",
      f.failover.failoverMs !== null && f.failover.failoverMs <= 2 * f.failover.ttlMs,
    ],
    ["the SIGTERMed replica exited 0", f.drain.code === 0],
    ["no agent saw a failed request while a replica drained", ledger.errorCount("sigterm") === 0],
    [
      "every acknowledged sample is stored exactly once, as sent",
      samples.missing === 0 &&
        samples.differing === 0 &&
        samples.duplicated === 0 &&
        samples.neverSent === 0 &&
        samples.sentChecksum === samples.storedChecksum,
    ],
    ["no command reached an agent under another key", commands.keyMismatch === 0],
    ["commands went on being delivered and acked after the kill", commandsAfterKill > 0],
    [
      "the rollout went on after the kill",
      settled(f.rollout.atEnd) > settled(f.rollout.atKill) || f.rollout.atEnd.status.startsWith("completed"),
    ],
    [
      "a status page change on A showed on B within 1 s",
      f.probes.statusMs !== null && f.probes.statusMs <= 1_000,
    ],
    [
      "a credential revoked on A was refused on B within 1 s",
      f.probes.revokeMs !== null && f.probes.revokeMs <= 1_000,
    ],
    [
      "the browser stayed signed in through the drain",
      ![...f.browser.failures.keys()].some((k) => k.startsWith("sigterm")),
    ],
  ];
  for (const [what, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"} ${what}`);
  return checks.every(([, ok]) => ok);
}
