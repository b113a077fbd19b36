"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect } from "react";
import { LiveError } from "@/components/ui/live-error";
import { ConnectivityPill, HealthPill, LifecyclePill, RegionTag } from "@/components/ui/pills";
import { describeConnectivity } from "@/lib/connectivity";
import { countryName } from "@/lib/countries";
import { fetchJson } from "@/lib/fetch-json";
import { formatMbps } from "@/lib/format";
import { linkUtilisationPct, MAP_STATUS_LABEL, type MapStatus } from "@/lib/fleet-map";
import type { SatelliteDetail } from "@/server/satellites/get";
import { STATUS_COLOR } from "./map-colors";
import styles from "./satellite-panel.module.css";

const PanelChart = dynamic(() => import("./panel-chart"), {
  ssr: false,
  loading: () => <div className={`${styles.chart} skeleton`} />,
});

/** A satellite of a group that shares one spot, as the map's look-up names it. */
export type GroupMember = { slug: string; name: string; status: MapStatus };

type Props = {
  slug: string | null;
  group: GroupMember[] | null;
  onSelect: (slug: string) => void;
  onClose: () => void;
};

const fetchSatellite = (slug: string) =>
  fetchJson<SatelliteDetail>(`/api/v1/satellites/${encodeURIComponent(slug)}`, {
    fallback: "Could not load the satellite",
  });

/** The map's side panel: one satellite's live status, or the satellites that share one spot. */
export function SatellitePanel({ slug, group, onSelect, onClose }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <aside className={styles.panel} aria-label="Satellite details" data-testid="map-panel">
      <button type="button" className={styles.close} aria-label="Close panel" onClick={onClose}>
        ×
      </button>
      {slug ? (
        <SatelliteDetails slug={slug} />
      ) : group ? (
        <GroupList group={group} onSelect={onSelect} />
      ) : null}
    </aside>
  );
}

function GroupList({ group, onSelect }: { group: GroupMember[]; onSelect: (slug: string) => void }) {
  const sorted = [...group].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className={styles.body}>
      <h2>{group.length} satellites at this spot</h2>
      <p className="muted small">They share a location, so the map cannot separate them. Pick one.</p>
      <ul className={styles.list}>
        {sorted.map((s) => {
          const status = s.status;
          return (
            <li key={s.slug}>
              <button type="button" onClick={() => onSelect(s.slug)}>
                <span className="dot" style={{ background: STATUS_COLOR[status] }} />
                <span className={styles.grow}>{s.name}</span>
                <span className="muted small">{MAP_STATUS_LABEL[status]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function LinkBar({ label, value, capacity }: { label: string; value: number | null; capacity: number }) {
  const pct = value === null ? null : Math.round((value / capacity) * 100);
  const tone = pct === null ? "" : pct > 100 ? "bad" : pct > 80 ? "warn" : "ok";
  return (
    <div className={styles.linkBar}>
      <div className={styles.linkFigures}>
        <span>{label}</span>
        <span className="mono small">
          {value === null ? "no live figure" : `${formatMbps(value)} of ${formatMbps(capacity)}`}
        </span>
      </div>
      <div className={`bar ${tone}`} aria-label={`${label} ${pct ?? 0} % of link`}>
        <span style={{ width: `${Math.min(100, pct ?? 0)}%` }} />
      </div>
    </div>
  );
}

function SatelliteDetails({ slug }: { slug: string }) {
  const {
    data: s,
    error,
    isPending,
  } = useQuery({
    queryKey: ["satellite", slug],
    queryFn: () => fetchSatellite(slug),
    refetchInterval: 5_000,
  });
  if (isPending) {
    return (
      <div className={styles.body} aria-busy="true">
        <div className={`skeleton ${styles.titleSkeleton}`} />
        <div className={`skeleton ${styles.lineSkeleton}`} />
        <div className={`skeleton ${styles.chartSkeleton}`} />
      </div>
    );
  }
  if (error || !s) {
    return (
      <div className={styles.body}>
        <LiveError error={error ?? new Error("Could not load the satellite.")} />
      </div>
    );
  }
  const now = new Date();
  const util = linkUtilisationPct(s.rxMbps, s.txMbps, s.downlinkMbps, s.uplinkMbps);
  const services = Object.entries(s.services ?? {});
  return (
    <div className={styles.body}>
      <h2 data-testid="panel-name">{s.name}</h2>
      <p className="muted small">
        {s.city}, {countryName(s.country)} · {s.kind} · {s.provider}
      </p>
      <div className={`row ${styles.pills}`}>
        <ConnectivityPill value={s.connectivity} />
        <HealthPill value={s.health} />
        <LifecyclePill value={s.lifecycle} />
      </div>
      <p className="small">
        {describeConnectivity(
          s.connectivity,
          s.lastSeenAt ? new Date(s.lastSeenAt) : null,
          s.heartbeatIntervalSec,
          now,
        )}
      </p>
      <dl className={`facts ${styles.facts}`}>
        <dt>Region</dt>
        <dd>
          <RegionTag id={s.region.id} color={s.region.color} /> <span className="muted">{s.region.name}</span>
        </dd>
        <dt>Stack</dt>
        <dd className="mono">{s.stackVersion ?? "—"}</dd>
        <dt>Agent</dt>
        <dd className="mono">{s.agentVersion ?? "—"}</dd>
        <dt>Link use</dt>
        <dd>{util === null ? "—" : `${util} %`}</dd>
      </dl>
      <LinkBar label="Down (rx)" value={s.rxMbps} capacity={s.downlinkMbps} />
      <LinkBar label="Up (tx)" value={s.txMbps} capacity={s.uplinkMbps} />
      <h3>Last hour</h3>
      <PanelChart id={s.id} />
      <h3>Services</h3>
      {services.length === 0 ? (
        <p className="muted small">No live service report.</p>
      ) : (
        <ul className={styles.services}>
          {services.map(([name, state]) => (
            <li key={name}>
              <span className={`pill ${state === "ok" ? "ok" : state === "degraded" ? "warn" : "bad"}`}>
                {state}
              </span>
              <span className="mono small">{name}</span>
            </li>
          ))}
        </ul>
      )}
      <Link className={`btn primary ${styles.open}`} href={`/satellites/${s.slug}`}>
        Open satellite page →
      </Link>
    </div>
  );
}
