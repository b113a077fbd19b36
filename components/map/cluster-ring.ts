// A cluster in health mode is a ring split by its members' statuses, worst first from twelve o'clock, so
// 3 critical sites among 70 show as a red arc instead of one colour for all 70. The ring is an image the
// map draws (a symbol layer): one image per distinct mix, made on first use and cached by the map, so
// 10,000 satellites cost no JavaScript per frame.
import type { ExpressionSpecification } from "maplibre-gl";
import { MAP_STATUSES, type MapStatus } from "@/lib/fleet-map";
import type { Theme } from "./map-colors";

/** Arc order from twelve o'clock, clockwise: what needs attention first, healthy last. */
export const RING_ORDER: readonly MapStatus[] = [
  "offline",
  "critical",
  "stale",
  "degraded",
  "unknown",
  "never_seen",
  "healthy",
];

/** A ring is cut in this many steps; any status with a member gets at least one (15°). */
export const RING_STEPS = 24;

/** The cluster property that counts members of a status: `n<code>`, the code being its MAP_STATUSES index. */
export const countProperty = (s: MapStatus) => `n${MAP_STATUSES.indexOf(s)}`;

/** The statuses that count as "not healthy" for a cluster's badge and tooltip. */
export const UNHEALTHY: readonly MapStatus[] = ["offline", "critical", "stale", "degraded", "unknown"];

/** maplibre's cluster properties: one sum per status, beside whatever else the source aggregates. */
export function statusCountProperties(): Record<string, ExpressionSpecification> {
  return Object.fromEntries(
    MAP_STATUSES.map((s, i) => [
      countProperty(s),
      ["+", ["case", ["==", ["get", "status"], i], 1, 0]] as unknown as ExpressionSpecification,
    ]),
  );
}

/**
 * Each status's share in steps, rounded up so a single member still shows. Small slack under the ceiling
 * keeps float noise (24 × 35/70 = 12.000000001) from adding a step; it is far below 24/10,000.
 */
export function ringWeights(counts: Partial<Record<MapStatus, number>>): number[] {
  const total = RING_ORDER.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (total === 0) return RING_ORDER.map(() => 0);
  return RING_ORDER.map((s) => Math.max(0, Math.ceil((RING_STEPS * (counts[s] ?? 0)) / total - 0.001)));
}

const PREFIX = "ring";

export function ringImageId(theme: Theme, weights: number[]): string {
  return `${PREFIX}:${theme}:${weights.join(".")}`;
}

/** The same id as `ringImageId`, computed by the map for each cluster from its counts. */
export function ringImageExpression(theme: Theme): ExpressionSpecification {
  const parts: unknown[] = [];
  RING_ORDER.forEach((s, i) => {
    if (i > 0) parts.push(".");
    const share = ["/", ["*", RING_STEPS, ["get", countProperty(s)]], ["get", "point_count"]];
    parts.push(["to-string", ["max", 0, ["ceil", ["-", share, 0.001]]]]);
  });
  return ["concat", `${PREFIX}:${theme}:`, ...parts] as unknown as ExpressionSpecification;
}

export type RingImage = { theme: Theme; weights: number[] };

export function parseRingImageId(id: string): RingImage | null {
  const [prefix, theme, list] = id.split(":");
  if (prefix !== PREFIX || (theme !== "light" && theme !== "dark") || !list) return null;
  const weights = list.split(".").map(Number);
  if (weights.length !== RING_ORDER.length || weights.some((w) => !Number.isInteger(w) || w < 0)) return null;
  return weights.some((w) => w > 0) ? { theme, weights } : null;
}

export type Arc = { status: MapStatus; start: number; end: number };

/** The arcs of a ring, as fractions of the turn from twelve o'clock; statuses with no weight have none. */
export function ringArcs(weights: number[]): Arc[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return [];
  const arcs: Arc[] = [];
  let at = 0;
  weights.forEach((w, i) => {
    if (w === 0) return;
    arcs.push({ status: RING_ORDER[i], start: at / sum, end: (at + w) / sum });
    at += w;
  });
  return arcs;
}

/** The number of members that are not healthy, from a cluster's properties. */
export function unhealthyOf(props: Record<string, unknown>): number {
  return UNHEALTHY.reduce((n, s) => n + (Number(props[countProperty(s)]) || 0), 0);
}

/** A maplibre expression for the same number. */
export function unhealthyExpression(): ExpressionSpecification {
  return ["+", ...UNHEALTHY.map((s) => ["get", countProperty(s)])] as unknown as ExpressionSpecification;
}

/** A cluster's badge: how many members are not healthy, in the colour of the worst of them. */
export function badgeLabel(unhealthy: number): string {
  return unhealthy > 99 ? "99+" : String(unhealthy);
}

export function badgeTextExpression(): ExpressionSpecification {
  const n = unhealthyExpression();
  return ["case", [">", n, 99], "99+", ["to-string", n]] as unknown as ExpressionSpecification;
}

/** "badge:critical": the image of the worst unhealthy status among a cluster's members. */
export function badgeImageExpression(): ExpressionSpecification {
  const cases = UNHEALTHY.flatMap((s) => [[">", ["get", countProperty(s)], 0], `badge:${s}`]);
  return ["case", ...cases, ""] as unknown as ExpressionSpecification;
}

export function parseBadgeImageId(id: string): MapStatus | null {
  const [prefix, status] = id.split(":");
  return prefix === "badge" && UNHEALTHY.includes(status as MapStatus) ? (status as MapStatus) : null;
}
