import type { EnrollRequest } from "../protocol";
import type { HostCapacity } from "../host/host-facts";

export const SATELLITE_KINDS = ["datacenter", "edge", "cloud", "colo"] as const;
type Kind = (typeof SATELLITE_KINDS)[number];

export const SATELLITE_OPTIONS = {
  slug: { type: "string" },
  name: { type: "string" },
  kind: { type: "string" },
  provider: { type: "string" },
  city: { type: "string" },
  country: { type: "string" },
  lat: { type: "string" },
  lon: { type: "string" },
  "uplink-mbps": { type: "string" },
  "downlink-mbps": { type: "string" },
  label: { type: "string", multiple: true },
} as const;

type Values = { [K in Exclude<keyof typeof SATELLITE_OPTIONS, "label">]?: string } & { label?: string[] };

export type SatelliteFlags = {
  slug: string | null;
  name: string | null;
  kind: Kind;
  provider: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  uplinkMbps: number;
  downlinkMbps: number;
  labels: Record<string, string>;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PROVIDER = /^[a-z0-9][a-z0-9-]*$/;
const LABEL_KEY = /^[a-z0-9][a-z0-9_./-]{0,62}$/;

/**
 * The satellite description for an unbound join token, or null when no such flag is given: a bound token
 * enrolls with nothing but versions. Checks what the core would refuse, so the mistake shows at once.
 */
export function parseSatelliteFlags(values: Values, fail: (message: string) => Error): SatelliteFlags | null {
  const given = Object.entries(values)
    .filter(([key, value]) => key in SATELLITE_OPTIONS && value !== undefined)
    .map(([key]) => key);
  if (given.length === 0) return null;
  const required = { city: values.city, country: values.country, lat: values.lat, lon: values.lon };
  const missing = Object.entries(required)
    .filter(([, value]) => !value)
    .map(([key]) => key);
  if (missing.length) {
    throw fail(
      `--${given[0]} describes a new satellite, which also needs ${missing.map((m) => `--${m}`).join(" ")}`,
    );
  }
  const number = (flag: string, text: string | undefined, min: number, max: number, fallback: number) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n) || n < min || n > max)
      throw fail(`--${flag} must be a number from ${min} to ${max}`);
    return n;
  };
  const kind = values.kind ?? "edge";
  if (!isKind(kind)) {
    throw fail(`--kind must be one of ${SATELLITE_KINDS.join(", ")}`);
  }
  const provider = values.provider ?? "own";
  if (!PROVIDER.test(provider)) throw fail("--provider: lower-case letters, digits and hyphens");
  if (
    values.slug !== undefined &&
    (!SLUG.test(values.slug) || values.slug.length < 3 || values.slug.length > 63)
  ) {
    throw fail("--slug: 3 to 63 lower-case letters, digits and single hyphens");
  }
  const country = (values.country ?? "").toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw fail("--country must be a two-letter ISO 3166-1 code such as DE");
  return {
    slug: values.slug ?? null,
    name: values.name?.trim() || null,
    kind,
    provider,
    city: values.city ?? "",
    country,
    lat: number("lat", values.lat, -90, 90, 0),
    lon: number("lon", values.lon, -180, 180, 0),
    uplinkMbps: Math.round(number("uplink-mbps", values["uplink-mbps"], 1, 1e8, 1000)),
    downlinkMbps: Math.round(number("downlink-mbps", values["downlink-mbps"], 1, 1e8, 1000)),
    labels: parseLabels(values.label ?? [], fail),
  };
}

function isKind(value: string): value is Kind {
  return SATELLITE_KINDS.some((kind) => kind === value);
}

function parseLabels(pairs: string[], fail: (message: string) => Error): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = pair.slice(0, eq).trim();
    if (eq <= 0 || !LABEL_KEY.test(key)) throw fail(`--label ${pair} is not key=value with a lower-case key`);
    labels[key] = pair.slice(eq + 1).trim();
  }
  return labels;
}

/** The enrollment block, with what the flags left out measured on the host. */
export function satelliteBlock(
  flags: SatelliteFlags,
  capacity: HostCapacity,
  defaultSlug: string,
  hostname: string,
): NonNullable<EnrollRequest["satellite"]> {
  return {
    slug: flags.slug ?? defaultSlug,
    name: flags.name ?? hostname,
    kind: flags.kind,
    provider: flags.provider,
    city: flags.city,
    country: flags.country,
    lat: flags.lat,
    lon: flags.lon,
    capacity,
    link: { uplinkMbps: flags.uplinkMbps, downlinkMbps: flags.downlinkMbps },
    ...(Object.keys(flags.labels).length ? { labels: flags.labels } : {}),
  };
}
