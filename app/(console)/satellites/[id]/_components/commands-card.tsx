import Link from "next/link";
import { CommandComposer } from "@/components/commands/command-composer";
import { CommandsTable } from "@/components/commands/commands-table";
import { cappedCount } from "@/components/tables/cursor-pager";
import type { CommandPage } from "@/server/commands/list";
import type { ReleaseView } from "@/server/releases/list";
import type { SatelliteDetail } from "@/server/satellites/get";

type Props = {
  s: SatelliteDetail;
  commands: CommandPage;
  releases: ReleaseView[];
  /** Whether the viewer may send commands at all; `refusal` says why not to this satellite. */
  mayCommand: boolean;
  refusal: string | null;
};

/** The satellite's latest commands, with the composer for those who may send one here. */
export function CommandsCard({ s, commands, releases, mayCommand, refusal }: Props) {
  return (
    <section className="card" aria-labelledby="commands-title">
      <div className="card-head">
        <h2 id="commands-title">Commands</h2>
        <Link href={`/commands?satellite=${encodeURIComponent(s.slug)}`}>
          {commands.total > commands.items.length
            ? `All ${cappedCount(commands.total, commands.isTotalAtLeast, "command")}`
            : "On the Commands page"}{" "}
          →
        </Link>
      </div>
      {mayCommand && (
        <div className="card-body">
          {refusal ? (
            <div role="note" className="alert info">
              {refusal}
            </div>
          ) : (
            <CommandComposer
              target={{ satelliteIds: [s.id] }}
              releases={releases.map((r) => ({ version: r.version, regionIds: r.regionIds }))}
              regionIds={[s.regionId]}
            />
          )}
        </div>
      )}
      {commands.items.length === 0 ? (
        <div className="card-body muted">No commands have been sent to this satellite.</div>
      ) : (
        <CommandsTable items={commands.items} showSatellite={false} />
      )}
    </section>
  );
}
