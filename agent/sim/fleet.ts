// The satellites to simulate: read from the seed's join-token file, or made up for --join-token mode.
import { readFile } from "node:fs/promises";
import type { EnrollRequest } from "../protocol";
import type { Link } from "./bandwidth";
import { errnoCode, errorMessage } from "./errors";

export type SiteKind = "datacenter" | "edge" | "cloud" | "colo";
export const SITE_KINDS: readonly SiteKind[] = ["datacenter", "edge", "cloud", "colo"];

export const DEFAULT_AGENT_VERSION = "1.4.0";
export const DEFAULT_STACK_VERSION = "2026.11.1";
export const DEFAULT_INTERVAL_SEC = 10;

export type SiteSpec = {
  slug: string;
  /** Known for pre-registered satellites; learnt at enrollment otherwise. */
  satelliteId: string | null;
  joinToken: string;
  heartbeatIntervalSec: number;
  lat: number;
  lon: number;
  kind: SiteKind;
  link: Link;
  stackVersion: string;
  agentVersion: string;
  /** ISO 3166-1 alpha-2; decides the facts a regulated site is expected to have. Absent in older fleet files. */
  country?: string | null;
  /** Sent only when the join token is not bound to a pre-registered satellite. */
  satellite?: EnrollRequest["satellite"];
};

export class FleetFileError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function field<T>(
  entry: Record<string, unknown>,
  key: string,
  check: (v: unknown) => v is T,
  where: string,
): T {
  const value = entry[key];
  if (!check(value)) throw new FleetFileError(`${where}.${key} is missing or has the wrong type`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string" && v !== "";
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isKind = (v: unknown): v is SiteKind => SITE_KINDS.some((k) => k === v);
const isVersion = (v: unknown): v is string | null => v === null || v === undefined || isString(v);

export function parseFleet(text: string, source: string): SiteSpec[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FleetFileError(`${source} is not JSON: ${errorMessage(error)}`);
  }
  if (!Array.isArray(data)) throw new FleetFileError(`${source} should hold a JSON array of satellites`);
  return data.map((raw, i) => {
    const where = `${source}[${i}]`;
    if (!isObject(raw)) throw new FleetFileError(`${where} is not an object`);
    const interval = field(raw, "heartbeatIntervalSec", isNumber, where);
    return {
      slug: field(raw, "slug", isString, where),
      satelliteId: field(raw, "satelliteId", isString, where),
      joinToken: field(raw, "joinToken", isString, where),
      heartbeatIntervalSec: interval > 0 ? interval : DEFAULT_INTERVAL_SEC,
      lat: field(raw, "lat", isNumber, where),
      lon: field(raw, "lon", isNumber, where),
      kind: field(raw, "kind", isKind, where),
      link: {
        uplinkMbps: field(raw, "uplinkMbps", isNumber, where),
        downlinkMbps: field(raw, "downlinkMbps", isNumber, where),
      },
      stackVersion: field(raw, "stackVersion", isVersion, where) ?? DEFAULT_STACK_VERSION,
      agentVersion: field(raw, "agentVersion", isVersion, where) ?? DEFAULT_AGENT_VERSION,
      country: typeof raw.country === "string" ? raw.country : null,
    };
  });
}

/** Null when the file does not exist, so the caller can say how to create it. */
export async function loadFleetFile(path: string): Promise<SiteSpec[] | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return null;
    throw error;
  }
  return parseFleet(text, path);
}
