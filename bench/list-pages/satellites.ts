// The Satellites list (app/(console)/satellites/page.tsx): filter options, the list, then releases for the
// bulk command bar, as an operator. Variants: no filter, a health, a region and a label filter, three sorts
// and a deep page.
import { commandRefusal } from "../../server/commands/issue";
import { listRegions } from "../../server/compliance/regions";
import { listReleases } from "../../server/releases/list";
import { listProviders, listSatellites } from "../../server/satellites/list";
import type { PageBench, PageBenchCtx } from "./types";

async function satellitesPage({ operator: ctx, now }: PageBenchCtx, params: Record<string, string>) {
  await Promise.all([listRegions(ctx), listProviders(ctx)]);
  const page = await listSatellites(ctx, params, now);
  for (const s of page.items) commandRefusal(ctx, [s]);
  await listReleases(ctx);
}

const variant = (name: string, params: (c: PageBenchCtx) => Record<string, string>): PageBench => ({
  name: `satellites${name}`,
  run: (c) => satellitesPage(c, params(c)),
});

const pages: PageBench[] = [
  variant("", () => ({})),
  variant(": health=critical", () => ({ health: "critical" })),
  variant(": region filter", (c) => ({ region: c.ids.region })),
  variant(": label filter", (c) => ({ label: c.ids.label })),
  variant(": sort name", () => ({ sort: "name" })),
  variant(": sort health", () => ({ sort: "severity", dir: "desc" })),
  variant(": sort last seen", () => ({ sort: "lastSeen", dir: "desc" })),
  // Halfway down the list on the default sort, by page number (OFFSET, as old links do) and by cursor.
  variant(": deep page by number", (c) => ({ page: String(deepPage(c)) })),
  { ...variant(": deep page by cursor", (c) => ({ page: String(deepPage(c)), after: deepCursor })), setup },
];

const deepPage = (c: PageBenchCtx) => Math.max(2, Math.floor(c.satellites / 100));
let deepCursor = "";
/** The cursor the previous page's Next link carries (read once, outside the timing). */
async function setup(c: PageBenchCtx) {
  const before = await listSatellites(c.operator, { page: deepPage(c) - 1 }, c.now);
  deepCursor = before.nextCursor ?? "";
}

export default pages;
