// The Overview (app/(console)/page.tsx): its filter options, then the map's data, which the page's client
// component fetches from /api/v1/map on first paint.
import { listRegions } from "../../server/compliance/regions";
import { fleetMapShared } from "../../server/map/fleet-map";
import { listProviders } from "../../server/satellites/list";
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
];

export default pages;
