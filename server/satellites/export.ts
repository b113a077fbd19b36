import "server-only";
import { linkUtilisationPct } from "@/lib/fleet-map";
import { authorize, type Ctx } from "../auth/context";
import { csvCell } from "../http/csv";
import { db } from "../db";
import { validationError } from "../errors";
import { satelliteWhere } from "./list";
import { SatelliteQuery } from "./schemas";
import { toSatelliteView, type SatelliteView } from "./view";

const COLUMNS: [string, (s: SatelliteView) => string | number | null][] = [
  ["slug", (s) => s.slug],
  ["name", (s) => s.name],
  ["kind", (s) => s.kind],
  ["provider", (s) => s.provider],
  ["city", (s) => s.city],
  ["country", (s) => s.country],
  ["lat", (s) => s.lat],
  ["lon", (s) => s.lon],
  ["region", (s) => s.regionId],
  ["lifecycle", (s) => s.lifecycle],
  ["connectivity", (s) => s.connectivity],
  ["health", (s) => s.health],
  ["last_seen", (s) => s.lastSeenAt],
  ["stack_version", (s) => s.stackVersion],
  ["agent_version", (s) => s.agentVersion],
  ["downlink_mbps", (s) => s.downlinkMbps],
  ["uplink_mbps", (s) => s.uplinkMbps],
  ["rx_mbps", (s) => s.rxMbps],
  ["tx_mbps", (s) => s.txMbps],
  ["link_pct", (s) => linkUtilisationPct(s.rxMbps, s.txMbps, s.downlinkMbps, s.uplinkMbps)],
  [
    "labels",
    (s) =>
      Object.entries(s.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(";"),
  ],
];

const BATCH = 2_000;

/** The filtered fleet as CSV lines, every match rather than one page, read in batches. */
export async function* satellitesCsv(ctx: Ctx, input: unknown, now = new Date()): AsyncGenerator<string> {
  authorize(ctx, "satellites.read");
  const parsed = SatelliteQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const where = satelliteWhere(parsed.data, now);
  yield `${COLUMNS.map(([name]) => name).join(",")}\r\n`;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.satellite.findMany({
      where,
      orderBy: { slug: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { slug: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    let chunk = "";
    for (const row of rows) {
      const view = toSatelliteView(row, now);
      chunk += `${COLUMNS.map(([, get]) => csvCell(get(view))).join(",")}\r\n`;
    }
    yield chunk;
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1].slug;
  }
}
