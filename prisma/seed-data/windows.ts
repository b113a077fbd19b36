// Demo deployment windows: one allow window where regulated sites agree to changes, and a year-end freeze
// left disabled so the demo fleet is not held by it. Upserted by id, so seeding twice changes nothing.
import type { Db } from "../../server/db";

type Client = Pick<Db, "deploymentWindow">;

const WINDOWS = [
  {
    id: "demo-window-au-nights",
    name: "Australian sites: weeknight changes",
    kind: "allow" as const,
    // 22:00 to 02:00 in each satellite's own zone (Perth, Adelaide, Sydney…), Monday to Thursday.
    rrule: "DTSTART:20260105T220000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
    durationMin: 240,
    timeZone: null,
    scope: { regions: ["au-irap"], labels: [], satelliteIds: [] },
    enabled: true,
  },
  {
    id: "demo-window-year-end",
    name: "Year-end change freeze",
    kind: "freeze" as const,
    rrule: "DTSTART:20261219T000000\nRRULE:FREQ=YEARLY",
    durationMin: 7 * 24 * 60,
    timeZone: "Europe/Berlin",
    scope: { all: true },
    enabled: false,
  },
];

export async function seedWindows(db: Client): Promise<number> {
  for (const { id, ...data } of WINDOWS) {
    await db.deploymentWindow.upsert({ where: { id }, create: { id, ...data }, update: {} });
  }
  return WINDOWS.length;
}
