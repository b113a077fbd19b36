// The Overview (app/(console)/page.tsx): its filter options, then the map's data, which the page's client
// component fetches from /api/v1/map on first paint.
import { listRegions } from "../../server/compliance/regions";
import { fleetMapShared } from "../../server/map/fleet-map";
import { listProviders } from "../../server/satellites/list";
import { fleetSummary } from "../../server/satellites/summary";
import type { PageBench } from "./types";

const pages: PageBench[] = [
  {
    name: "overview",
    async run({ operator }) {
      await Promise.all([listRegions(operator), listProviders(operator)]);
    },
  },
  {
    name: "overview: map data (/api/v1/map)",
    async run({ operator }) {
      await fleetMapShared(operator, {});
    },
  },
  {
    // Not on a page today (the map's KPI strip counts from its own rows): the counts issue 17 measured.
    name: "overview: fleet summary",
    async run({ operator, now }) {
      await fleetSummary(operator, now);
    },
  },
];

export default pages;
