"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { MAP_ROLLOUT_STATES, type MapRolloutState } from "@/lib/fleet-map";
import { emptyColumns } from "@/lib/fleet-map-wire";
import type { MapData } from "../map/map-data";
import { ROLLOUT_COLOR } from "../map/map-colors";
import { MapPlaceholder } from "../map/map-placeholder";
import styles from "./rollouts.module.css";

// maplibre is large and needs the browser: it loads only where a map is shown.
const MapCanvas = dynamic(() => import("../map/map-canvas"), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});

export type RolloutMapPoint = {
  slug: string;
  name: string;
  lat: number;
  lon: number;
  state: MapRolloutState;
};

const ROLLOUT_INDEX = new Map(MAP_ROLLOUT_STATES.map((s, i) => [s, i]));
const NO_REGIONS: never[] = [];

/**
 * Only the rollout's satellites, coloured by their state in it with the fleet map's rollout colours.
 * `legend` names the states as this page means them (on the form, "none" is an excluded satellite).
 */
export function RolloutMap({
  points,
  legend,
  fitKey,
  label,
  styleUrl,
  onSelect,
}: {
  points: RolloutMapPoint[];
  legend: { state: MapRolloutState; label: string }[];
  /** Changes when the selection does, so the map fits itself to it again. */
  fitKey: string;
  label: string;
  /** A deployment's own basemap style, as the overview uses; null draws the offline one. */
  styleUrl: string | null;
  onSelect?: (slug: string) => void;
}) {
  const data = useMemo<MapData>(() => {
    const cols = emptyColumns(points.length, false);
    points.forEach((p, i) => {
      cols.lon[i] = Math.round(p.lon * 100);
      cols.lat[i] = Math.round(p.lat * 100);
      cols.region[i] = -1;
      cols.bw[i] = -1;
      cols.rollout[i] = ROLLOUT_INDEX.get(p.state) ?? 0;
    });
    // Any change is a new layout, which the map loads whole: a rollout holds a few hundred satellites at most.
    return {
      meta: { layout: JSON.stringify(points), count: points.length },
      cols,
      seq: 0,
      changes: [],
      slugs: points.map((p) => p.slug),
      names: points.map((p) => p.name),
    };
  }, [points]);
  return (
    <section className={styles.mapBox} aria-label={label}>
      <MapCanvas
        data={data}
        regions={NO_REGIONS}
        mode="rollout"
        showRegions={false}
        selected={null}
        styleUrl={styleUrl}
        fitRequest={0}
        fitKey={fitKey}
        onSelect={(at) => {
          const p = points[at];
          if (p) onSelect?.(p.slug);
        }}
        onSelectGroup={() => undefined}
      />
      <div className={styles.mapLegend} aria-label={`Legend: ${label}`}>
        {legend.map((entry) => (
          <span key={entry.state}>
            <span className="dot" style={{ background: ROLLOUT_COLOR[entry.state] }} />
            {entry.label}
          </span>
        ))}
      </div>
    </section>
  );
}
