// Colours of the fleet map, shared by its layers and its legend so the two never disagree.
import type { ExpressionSpecification } from "maplibre-gl";
import {
  MAP_POSTURE_LABEL,
  MAP_POSTURES,
  MAP_ROLLOUT_LABEL,
  MAP_ROLLOUT_STATES,
  MAP_STATUS_LABEL,
  MAP_STATUSES,
  type ColorMode,
  type MapPosture,
  type MapRolloutState,
  type MapStatus,
} from "@/lib/fleet-map";
import type { Theme } from "./basemap-colors";
import { tintOnLand } from "./region-tint";

export { BASEMAP, type Theme } from "./basemap-colors";

export const STATUS_COLOR: Record<MapStatus, string> = {
  healthy: "#22a55a",
  never_seen: "#cbd5e1",
  unknown: "#64748b",
  degraded: "#eab308",
  stale: "#f97316",
  critical: "#ef4444",
  offline: "#c026d3",
};

export const ROLLOUT_COLOR: Record<MapRolloutState, string> = {
  none: "#94a3b8",
  succeeded: "#22a55a",
  pending: "#60a5fa",
  upgrading: "#6366f1",
  rolled_back: "#f59e0b",
  failed: "#ef4444",
};

/** Waived is a muted violet: an accepted exception, neither a pass nor an alarm. */
export const POSTURE_COLOR: Record<MapPosture, string> = {
  none: "#cbd5e1",
  compliant: "#22a55a",
  waived: "#a78bfa",
  unknown: "#64748b",
  violation: "#ef4444",
};

/** Utilisation stops, in percent of the contracted link. */
export const BANDWIDTH_STOPS: [number, string][] = [
  [0, "#38bdf8"],
  [40, "#22a55a"],
  [80, "#f59e0b"],
  [100, "#ef4444"],
];
export const NO_DATA_COLOR = "#94a3b8";
export const MIXED_COLOR = "#64748b";

export type RegionColor = { id: string; name: string; color: string };

function byIndex(
  colors: string[],
  input: ExpressionSpecification,
  fallback: string,
): ExpressionSpecification {
  if (colors.length === 0) return ["literal", fallback] as unknown as ExpressionSpecification;
  const pairs = colors.flatMap((c, i) => [i, c]);
  return ["match", input, ...pairs, fallback] as unknown as ExpressionSpecification;
}

function bandwidth(input: ExpressionSpecification): ExpressionSpecification {
  return [
    "case",
    ["<", input, 0],
    NO_DATA_COLOR,
    ["interpolate", ["linear"], input, ...BANDWIDTH_STOPS.flat()],
  ] as unknown as ExpressionSpecification;
}

/** A single satellite's colour in each mode. */
export function pointColor(mode: ColorMode, regions: RegionColor[]): ExpressionSpecification {
  switch (mode) {
    case "health":
      return byIndex(
        MAP_STATUSES.map((s) => STATUS_COLOR[s]),
        ["get", "status"],
        NO_DATA_COLOR,
      );
    case "bandwidth":
      return bandwidth(["get", "bw"]);
    case "region":
      return byIndex(
        regions.map((r) => r.color),
        ["get", "region"],
        MIXED_COLOR,
      );
    case "rollout":
      return byIndex(
        MAP_ROLLOUT_STATES.map((s) => ROLLOUT_COLOR[s]),
        ["get", "rollout"],
        NO_DATA_COLOR,
      );
    case "posture":
      return byIndex(
        MAP_POSTURES.map((s) => POSTURE_COLOR[s]),
        ["get", "posture"],
        NO_DATA_COLOR,
      );
  }
}

/**
 * A cluster takes the colour of its worst member: the highest rollout or posture code (ordered by severity) or the
 * busiest link. In region mode a cluster spanning several regions is drawn neutral. In health mode the
 * cluster is a ring by status (cluster-ring.ts) and its circle only catches the pointer.
 */
export function clusterColor(mode: ColorMode, regions: RegionColor[]): ExpressionSpecification {
  switch (mode) {
    case "health":
      return byIndex([], ["get", "point_count"], NO_DATA_COLOR);
    case "bandwidth":
      return whenSummed("bwMax", bandwidth(["get", "bwMax"]), NO_DATA_COLOR);
    case "region":
      return whenSummed(
        "regionMin",
        [
          "case",
          ["==", ["get", "regionMin"], ["get", "regionMax"]],
          byIndex(
            regions.map((r) => r.color),
            ["get", "regionMin"],
            MIXED_COLOR,
          ),
          MIXED_COLOR,
        ] as unknown as ExpressionSpecification,
        MIXED_COLOR,
      );
    case "rollout":
      return worstOf(
        "rolloutWorst",
        MAP_ROLLOUT_STATES.map((s) => ROLLOUT_COLOR[s]),
      );
    case "posture":
      return worstOf(
        "postureWorst",
        MAP_POSTURES.map((s) => POSTURE_COLOR[s]),
      );
  }
}

/**
 * Clusters add up only the current mode's figure (map-layers.ts): right after a switch, until the map has
 * re-clustered, a cluster has none and is drawn as having no figure.
 */
function whenSummed(
  property: string,
  color: ExpressionSpecification,
  fallback: string,
): ExpressionSpecification {
  return ["case", ["has", property], color, fallback] as unknown as ExpressionSpecification;
}

/** The colour of a cluster's worst code, summed as `property`, from `colors` by code. */
const worstOf = (property: string, colors: string[]) =>
  whenSummed(property, byIndex(colors, ["get", property], NO_DATA_COLOR), NO_DATA_COLOR);

/** `tint`: the region's land tint in each theme, beside its dot colour (region mode). */
export type LegendEntry = { label: string; color: string; tint?: Record<Theme, string> };

export function legendFor(mode: ColorMode, regions: RegionColor[]): LegendEntry[] {
  switch (mode) {
    case "health":
      return [...MAP_STATUSES].reverse().map((s) => ({ label: MAP_STATUS_LABEL[s], color: STATUS_COLOR[s] }));
    case "bandwidth":
      return [
        { label: "Over 100 % of link", color: BANDWIDTH_STOPS[3][1] },
        { label: "80 %", color: BANDWIDTH_STOPS[2][1] },
        { label: "40 %", color: BANDWIDTH_STOPS[1][1] },
        { label: "Idle", color: BANDWIDTH_STOPS[0][1] },
        { label: "No live figure", color: NO_DATA_COLOR },
      ];
    case "region":
      return [
        ...regions.map((r) => ({
          label: `${r.id} · ${r.name}`,
          color: r.color,
          tint: { light: tintOnLand(r.color, "light"), dark: tintOnLand(r.color, "dark") },
        })),
        { label: "Several regions (cluster)", color: MIXED_COLOR },
      ];
    case "rollout":
      return [...MAP_ROLLOUT_STATES]
        .reverse()
        .map((s) => ({ label: MAP_ROLLOUT_LABEL[s], color: ROLLOUT_COLOR[s] }));
    case "posture":
      return [...MAP_POSTURES]
        .reverse()
        .map((s) => ({ label: MAP_POSTURE_LABEL[s], color: POSTURE_COLOR[s] }));
  }
}
