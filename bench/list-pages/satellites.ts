// The Satellites list (app/(console)/satellites/page.tsx): filter options, the list, then releases for the
// bulk command bar, as an operator. Variants: no filter, a health, a region and a label filter, three sorts
// and a deep page.
import { commandRefusal } from "../../server/commands/issue";
import { listRegions } from "../../server/compliance/regions";
import { listReleases } from "../../server/releases/list";
import { listProviders, listSatellites } from "../../server/satellites/list";
import type { PageBench, PageBenchCtx } from "./types";

async function satellitesPage({ operator: ctx }: PageBenchCtx, params: Record<string, string>) {
  const now = new Date();
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
  // Deep in the list: page 1,000 of 50 (the 50,000th satellite) on the default sort.
  variant(": deep page", (c) => ({ page: String(Math.max(1, Math.floor(c.satellites / 100))) })),
];

export default pages;
