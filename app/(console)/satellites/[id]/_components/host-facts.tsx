import { Time } from "@/components/ui/time";
import { formatNumber } from "@/lib/format";
import type { SatelliteFactsView } from "@/server/facts/get";

function Unknown() {
  return <span className="muted">unknown (not reported)</span>;
}

function yesNo(value: boolean | null, yes: string, no: string) {
  if (value === null) return <Unknown />;
  return value ? yes : <strong>{no}</strong>;
}

/** What the agent last said about its host; a fact it did not send reads "unknown", never a pass. */
export function HostFacts({ facts, now }: { facts: SatelliteFactsView | null; now: Date }) {
  if (!facts) {
    return (
      <p className="muted" data-testid="host-facts-none">
        This satellite&apos;s agent has not reported host facts (an older agent, or none yet), so every policy
        that needs them reads unknown.
      </p>
    );
  }
  return (
    <dl className="facts" data-testid="host-facts">
      <dt>Operating system</dt>
      <dd>{facts.osName ? `${facts.osName} ${facts.osVersion ?? ""}` : <Unknown />}</dd>
      <dt>Kernel</dt>
      <dd className="mono">{facts.kernel ?? <Unknown />}</dd>
      <dt>Agent</dt>
      <dd className="mono">{facts.agentVersion ?? <Unknown />}</dd>
      <dt>Disk encryption</dt>
      <dd>{yesNo(facts.diskEncrypted, "on", "off")}</dd>
      <dt>Clock</dt>
      <dd>
        {facts.timeSynced === null ? (
          <Unknown />
        ) : facts.timeSynced ? (
          "synchronised"
        ) : (
          <strong>not synchronised</strong>
        )}
        {facts.clockOffsetMs !== null && (
          <span className="muted"> · offset {formatNumber(facts.clockOffsetMs, 1)} ms</span>
        )}
      </dd>
      <dt>FIPS mode</dt>
      <dd>{yesNo(facts.fipsEnabled, "on", "off")}</dd>
      <dt>Pending security updates</dt>
      <dd>
        {facts.pendingSecurityUpdates === null ? <Unknown /> : formatNumber(facts.pendingSecurityUpdates)}
      </dd>
      <dt>Last backup</dt>
      <dd>{facts.lastBackupAt ? <Time at={facts.lastBackupAt} now={now} /> : <Unknown />}</dd>
      <dt>Reported</dt>
      <dd>
        <Time at={facts.reportedAt} now={now} />
      </dd>
    </dl>
  );
}
