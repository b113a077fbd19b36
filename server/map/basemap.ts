import "server-only";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";

export type CountryProperties = { iso: string; name: string };
export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;

// Shapes without an ISO numeric code in world-atlas: drawn, tinted with the country they sit in.
const UNCODED: Record<string, string> = { "N. Cyprus": "CY", Somaliland: "SO", Kosovo: "XK" };
const ANTARCTICA = "010";

/**
 * Rings that cross the antimeridian (Chukotka, Fiji) jump from +180 to -180 and would draw a line across
 * the whole map, with a false fill over the Arctic. Adding ±360° after each jump keeps the ring continuous;
 * the map draws the part past 180° on the far side. Antarctica's ring runs along the edge on purpose.
 */
export function unwrapRing(ring: Position[]): Position[] {
  let offset = 0;
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) offset -= 360;
      else if (prev - lon > 180) offset += 360;
    }
    out.push([round(lon + offset), round(lat)]);
  }
  return out;
}

// Two decimals (about 1 km) is finer than the 110m shapes themselves and halves the file.
const round = (v: number) => Math.round(v * 100) / 100;

function unwrapGeometry(geometry: Polygon | MultiPolygon, keep: boolean): Polygon | MultiPolygon {
  const fix = (ring: Position[]) => (keep ? ring.map(([x, y]) => [round(x), round(y)]) : unwrapRing(ring));
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map(fix) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map((poly) => poly.map(fix)) };
}

let cached: CountryCollection | null = null;

/** The offline basemap's countries, each with its ISO 3166-1 alpha-2 code for tinting by region. */
export function countryShapes(): CountryCollection {
  if (cached) return cached;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const features: Feature<Polygon | MultiPolygon, CountryProperties>[] = [];
  for (const f of collection.features) {
    if (!f.geometry) continue;
    const numeric = f.id === undefined ? "" : String(f.id);
    const iso = (numeric && countries.numericToAlpha2(numeric)) || UNCODED[f.properties.name] || "";
    features.push({
      type: "Feature",
      properties: { iso, name: f.properties.name },
      geometry: unwrapGeometry(f.geometry, numeric === ANTARCTICA),
    });
  }
  cached = { type: "FeatureCollection", features };
  return cached;
}
