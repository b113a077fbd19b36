// Satellites the simulator enrolls itself with an unbound join token: slugs `sim-<city>-<n>`, spread over
// the built-in cities, with the full satellite block the core needs to register them.
import { CITIES } from "./cities";
import {
  DEFAULT_AGENT_VERSION,
  DEFAULT_INTERVAL_SEC,
  DEFAULT_STACK_VERSION,
  SITE_KINDS,
  type SiteKind,
  type SiteSpec,
} from "./fleet";
import { type Rng, pick, rngFor, uniform } from "./prng";

const PROVIDERS: Record<SiteKind, readonly string[]> = {
  datacenter: ["own"],
  edge: ["own"],
  cloud: ["aws", "gcp", "azure", "hetzner"],
  colo: ["equinix", "digital-realty", "interxion"],
};
const LINKS_MBPS = [500, 1_000, 2_500, 10_000] as const;

const round2 = (value: number) => Math.round(value * 100) / 100;
const titleCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function generatedSite(joinToken: string, index: number): SiteSpec {
  const city = CITIES[index % CITIES.length];
  const slug = `sim-${city.code}-${index + 1}`;
  const rng: Rng = rngFor(slug, "generated");
  const kind = pick(rng, SITE_KINDS);
  const downlinkMbps = pick(rng, LINKS_MBPS);
  const uplinkMbps = rng() < 0.7 ? downlinkMbps : downlinkMbps / 2;
  // A few kilometres around the city centre, so co-located sites do not sit on one map pixel.
  const lat = round2(city.lat + uniform(rng, -0.2, 0.2));
  const lon = round2(city.lon + uniform(rng, -0.2, 0.2));
  const cores = pick(rng, [16, 32, 64, 128, 256]);
  return {
    slug,
    satelliteId: null,
    joinToken,
    heartbeatIntervalSec: DEFAULT_INTERVAL_SEC,
    lat,
    lon,
    kind,
    link: { uplinkMbps, downlinkMbps },
    stackVersion: DEFAULT_STACK_VERSION,
    agentVersion: DEFAULT_AGENT_VERSION,
    country: city.country,
    satellite: {
      slug,
      name: `${city.city} ${titleCase(kind)} ${index + 1} (sim)`,
      kind,
      provider: pick(rng, PROVIDERS[kind]),
      city: city.city,
      country: city.country,
      lat,
      lon,
      capacity: { cores, memoryGb: cores * pick(rng, [4, 8]), storageTb: pick(rng, [10, 20, 40, 100]) },
      link: { uplinkMbps, downlinkMbps },
      labels: { sim: "true" },
    },
  };
}

export function generatedFleet(joinToken: string, count: number): SiteSpec[] {
  return Array.from({ length: count }, (_, i) => generatedSite(joinToken, i));
}
