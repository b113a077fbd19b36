// Builds a realistic, deterministic demo fleet from real cities (city-timezones, MIT, from Natural Earth).
import { createRequire } from "node:module";

type City = { city_ascii: string; lat: number; lng: number; pop: number; iso2: string };
const require = createRequire(import.meta.url);
const CITIES: City[] = (require("city-timezones") as { cityMapping: City[] }).cityMapping;

/** Share of the fleet per country: where a provider's customers and partners actually run sites. */
const COUNTRY_WEIGHTS: Record<string, number> = {
  US: 60,
  DE: 18,
  GB: 16,
  FR: 12,
  JP: 12,
  IN: 12,
  BR: 10,
  CA: 10,
  AU: 9,
  NL: 8,
  SG: 7,
  CN: 8,
  KR: 6,
  IT: 6,
  ES: 6,
  SE: 4,
  CH: 5,
  IE: 4,
  PL: 4,
  MX: 6,
  AR: 4,
  CL: 3,
  CO: 3,
  ZA: 5,
  NG: 3,
  KE: 3,
  EG: 3,
  MA: 2,
  AE: 4,
  SA: 3,
  IL: 3,
  TR: 3,
  ID: 5,
  MY: 3,
  TH: 3,
  PH: 3,
  VN: 3,
  HK: 3,
  TW: 3,
  NZ: 3,
  FI: 2,
  NO: 2,
  DK: 2,
  AT: 2,
  BE: 2,
  PT: 2,
  CZ: 2,
  RO: 2,
  GR: 2,
  PE: 2,
  UY: 1,
  QA: 1,
  GH: 1,
  CR: 1,
};

const KINDS = ["datacenter", "edge", "cloud", "colo"] as const;
type Kind = (typeof KINDS)[number];

const PROVIDERS: Record<Kind, string[]> = {
  datacenter: ["own", "own", "acme-corp", "globex", "initech"],
  edge: ["own", "own", "akamai", "fastly-edge"],
  cloud: ["aws", "azure", "gcp", "oci"],
  colo: ["equinix", "digital-realty", "ntt", "cyrusone"],
};

const KIND_LABEL: Record<Kind, string> = { datacenter: "DC", edge: "Edge", cloud: "Cloud", colo: "Colo" };

export type SeedSatellite = {
  slug: string;
  name: string;
  kind: Kind;
  provider: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  labels: Record<string, string>;
  cpuCores: number;
  memoryGb: number;
  storageTb: number;
  uplinkMbps: number;
  downlinkMbps: number;
  stackVersion: string;
  agentVersion: string;
  lifecycle: "pending" | "active" | "cordoned" | "maintenance";
  heartbeatIntervalSec: number;
};

/** mulberry32: a tiny seeded PRNG, so the demo fleet is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slugPart(text: string, length: number): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
  return (ascii + "xxx").slice(0, length);
}

export function buildFleet(count: number, seed = 42): SeedSatellite[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + random() * (max - min);

  const totalWeight = Object.values(COUNTRY_WEIGHTS).reduce((a, b) => a + b, 0);
  const countries = Object.entries(COUNTRY_WEIGHTS);
  // Every listed country gets at least one satellite; the rest follows the weights.
  const quota = new Map(countries.map(([c, w]) => [c, Math.max(1, Math.floor((w / totalWeight) * count))]));
  let assigned = [...quota.values()].reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < count; i++, assigned++) {
    const [c] = countries[i % countries.length];
    quota.set(c, (quota.get(c) ?? 0) + 1);
  }
  while (assigned > count) {
    const [c] = countries.reduce((best, cur) =>
      (quota.get(cur[0]) ?? 0) > (quota.get(best[0]) ?? 0) ? cur : best,
    );
    quota.set(c, (quota.get(c) ?? 0) - 1);
    assigned--;
  }

  const cityPool = new Map<string, City[]>();
  for (const city of CITIES) {
    if (!(city.iso2 in COUNTRY_WEIGHTS)) continue;
    const list = cityPool.get(city.iso2) ?? [];
    list.push(city);
    cityPool.set(city.iso2, list);
  }
  for (const list of cityPool.values()) list.sort((a, b) => b.pop - a.pop);

  const out: SeedSatellite[] = [];
  const slugCounts = new Map<string, number>();
  for (const [country, n] of quota) {
    const cities = (cityPool.get(country) ?? []).slice(0, Math.max(4, Math.ceil(n / 3)));
    for (let i = 0; i < n; i++) {
      // Big cities host several sites, so co-located satellites are common, as in real fleets.
      const city = cities[Math.floor(Math.pow(random(), 1.6) * cities.length)];
      const kind = pick(KINDS);
      const base = `${country.toLowerCase()}-${slugPart(city.city_ascii, 3)}-${kind === "datacenter" ? "dc" : kind}`;
      const seq = (slugCounts.get(base) ?? 0) + 1;
      slugCounts.set(base, seq);
      const nn = String(seq).padStart(2, "0");
      const sizes = {
        datacenter: { cores: [512, 4096], mem: 8, storage: [200, 2000], link: [10_000, 100_000] },
        edge: { cores: [16, 128], mem: 4, storage: [4, 40], link: [1_000, 10_000] },
        cloud: { cores: [256, 2048], mem: 8, storage: [100, 1000], link: [25_000, 100_000] },
        colo: { cores: [128, 1024], mem: 8, storage: [50, 500], link: [10_000, 40_000] },
      }[kind];
      const cores = Math.round(between(sizes.cores[0], sizes.cores[1]) / 16) * 16 || 16;
      const linkSteps = [1_000, 2_500, 10_000, 25_000, 40_000, 100_000].filter(
        (l) => l >= sizes.link[0] && l <= sizes.link[1],
      );
      const uplink = pick(linkSteps);
      const roll = random();
      out.push({
        slug: `${base}-${nn}`,
        name: `${city.city_ascii} ${KIND_LABEL[kind]} ${nn}`,
        kind,
        provider: pick(PROVIDERS[kind]),
        city: city.city_ascii,
        country,
        // Jitter within a few km so sites in one city do not sit on the same pixel.
        lat: Math.round((city.lat + between(-0.03, 0.03)) * 1e5) / 1e5,
        lon: Math.round((city.lng + between(-0.03, 0.03)) * 1e5) / 1e5,
        labels: {
          tier: pick(["gold", "silver", "silver", "bronze"]),
          env: roll < 0.85 ? "prod" : "staging",
          ...(random() < 0.4 ? { customer: pick(["acme", "globex", "initech", "umbrella", "hooli"]) } : {}),
          ...(kind === "edge" ? { "edge.pop": slugPart(city.city_ascii, 3) } : {}),
          ...ownerLabel(`${base}-${nn}`),
        },
        cpuCores: cores,
        memoryGb: cores * sizes.mem,
        storageTb: Math.round(between(sizes.storage[0], sizes.storage[1])),
        uplinkMbps: uplink,
        downlinkMbps: uplink,
        stackVersion: roll < 0.7 ? "2026.11.1" : roll < 0.92 ? "2026.10.3" : "2026.9.2",
        agentVersion: roll < 0.8 ? "1.4.0" : roll < 0.95 ? "1.3.2" : "1.2.0",
        lifecycle:
          roll < 0.015 ? "pending" : roll < 0.03 ? "cordoned" : roll < 0.04 ? "maintenance" : "active",
        heartbeatIntervalSec: kind === "edge" ? 15 : 10,
      });
    }
  }
  return out;
}

const OWNERS = ["platform", "edge-ops", "sre-emea", "sre-americas", "sre-apac", "network"];

/**
 * Most sites name a team that answers for them, a few do not (the "Owner named" policy's demo violators).
 * Drawn from the slug, not the seeded random stream, so the rest of the fleet is as it always was.
 */
function ownerLabel(slug: string): { owner?: string } {
  let hash = 0;
  for (const c of slug) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return hash % 20 === 0 ? {} : { owner: OWNERS[hash % OWNERS.length] };
}
