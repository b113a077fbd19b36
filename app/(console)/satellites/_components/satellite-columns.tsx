import Link from "next/link";
import { SelectPageCell, SelectRowCell } from "@/components/commands/satellite-selection";
import type { Column } from "@/components/tables/data-table";
import { LinkUse } from "@/components/ui/link-use";
import { ConnectivityPill, HealthPill, LifecyclePill, RegionTag } from "@/components/ui/pills";
import { Time } from "@/components/ui/time";
import { describeConnectivity } from "@/lib/connectivity";
import { countryName } from "@/lib/countries";
import type { SatellitePage } from "@/server/satellites/list";
import type { SatelliteListSort } from "@/server/satellites/schemas";
import styles from "../satellites.module.css";

type Satellite = SatellitePage["items"][number];

/**
 * The inventory's columns, what needs attention first: health (sorted by severity), connectivity and when
 * the satellite was last heard from. Every column whose values come from a short known set has a fixed
 * width (in the module), so they do not shift from page to page; the name takes the rest. Lifecycle has no
 * column: nearly every satellite is active, so only the exceptions show, beside the slug. On a phone each
 * row is a card that opens with the two status pills.
 */
export function satelliteColumns({
  canCommand,
  refusals,
  colorOf,
  now,
}: {
  canCommand: boolean;
  refusals: Map<string, string | null>;
  colorOf: Map<string, string>;
  now: Date;
}): Column<Satellite>[] {
  const select: Column<Satellite> = {
    id: "select",
    header: "Select",
    width: styles.select,
    headerCell: <SelectPageCell key="select" />,
    cell: () => null,
    renderCell: (s) => <SelectRowCell id={s.id} label={s.slug} refusal={refusals.get(s.id) ?? null} />,
  };
  const columns: Column<Satellite>[] = [
    {
      id: "name",
      header: "Satellite",
      sort: "name" satisfies SatelliteListSort,
      card: "title",
      cell: (s) => (
        <>
          <Link className={`cell-main ${styles.clip}`} href={`/satellites/${s.slug}`} title={s.name}>
            {s.name}
          </Link>
          <div className={`cell-sub ${styles.subline}`}>
            <span className={`mono ${styles.clip}`}>{s.slug}</span>
            {s.lifecycle !== "active" && <LifecyclePill value={s.lifecycle} className={styles.compactPill} />}
          </div>
        </>
      ),
    },
    {
      id: "health",
      header: "Health",
      sort: "severity" satisfies SatelliteListSort,
      width: styles.health,
      card: "lead",
      cell: (s) => <HealthPill value={s.health} />,
    },
    {
      id: "connectivity",
      header: "Connectivity",
      width: styles.connectivity,
      card: "lead",
      cell: (s) => (
        <ConnectivityPill
          value={s.connectivity}
          title={describeConnectivity(
            s.connectivity,
            s.lastSeenAt ? new Date(s.lastSeenAt) : null,
            s.heartbeatIntervalSec,
            now,
          )}
        />
      ),
    },
    {
      id: "lastSeen",
      header: "Last seen",
      sort: "lastSeen" satisfies SatelliteListSort,
      width: styles.lastSeen,
      cellClassName: `nowrap ${styles.clip}`,
      cell: (s) =>
        s.lastSeenAt ? <Time at={s.lastSeenAt} now={now} /> : <span className="muted">never</span>,
    },
    {
      id: "location",
      header: "Location",
      sort: "country" satisfies SatelliteListSort,
      width: styles.location,
      cellClassName: styles.clip,
      cellTitle: (s) => `${s.city}, ${countryName(s.country)}`,
      cell: (s) => (
        <>
          {s.city}
          <span className="muted">, {s.country}</span>
        </>
      ),
    },
    {
      id: "region",
      header: "Region",
      sort: "region" satisfies SatelliteListSort,
      width: styles.region,
      cellClassName: styles.clip,
      cell: (s) => <RegionTag id={s.regionId} color={colorOf.get(s.regionId)} />,
    },
    {
      id: "kind",
      header: "Kind",
      sort: "kind" satisfies SatelliteListSort,
      width: styles.kind,
      cellClassName: styles.clip,
      card: "hidden",
      cell: (s) => s.kind,
    },
    {
      id: "provider",
      header: "Provider",
      sort: "provider" satisfies SatelliteListSort,
      width: styles.provider,
      cellClassName: styles.clip,
      card: "hidden",
      cell: (s) => s.provider,
    },
    {
      id: "stack",
      header: "Stack",
      sort: "stackVersion" satisfies SatelliteListSort,
      width: styles.stack,
      cellClassName: `mono ${styles.clip}`,
      cell: (s) => s.stackVersion ?? "—",
    },
    {
      id: "linkUse",
      header: "Link use",
      width: styles.linkUse,
      card: "hidden",
      cell: (s) => (
        <LinkUse
          rxMbps={s.rxMbps}
          txMbps={s.txMbps}
          downlinkMbps={s.downlinkMbps}
          uplinkMbps={s.uplinkMbps}
        />
      ),
    },
  ];
  return canCommand ? [select, ...columns] : columns;
}
