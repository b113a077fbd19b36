import { describe, expect, it } from "vitest";
import type { FleetMapPoint } from "@/lib/fleet-map";
import { scopedPoints } from "./map-scope";

const regions = ["eu-gdpr", "uk-gdpr", "us-fedramp"].map((id) => ({
  id,
  name: id,
  color: "#000",
  countries: [],
}));
const point = (slug: string, region: number): FleetMapPoint => ({
  slug,
  name: slug,
  lon: 0,
  lat: 0,
  region,
  status: 1,
  bw: -1,
  rollout: 0,
});
const points = [point("fra", 0), point("lon", 1), point("iad", 2), point("ams", 0)];

describe("a region-scoped user's map", () => {
  it("opens on the satellites of her regions", () => {
    expect(scopedPoints(points, regions, ["eu-gdpr"])?.map((p) => p.slug)).toEqual(["fra", "ams"]);
    expect(scopedPoints(points, regions, ["eu-gdpr", "uk-gdpr"])?.map((p) => p.slug)).toEqual([
      "fra",
      "lon",
      "ams",
    ]);
  });

  it("has nothing to narrow to for a user of every region, or one with no satellites shown", () => {
    expect(scopedPoints(points, regions, null)).toBeNull();
    expect(scopedPoints(points, regions, [])).toBeNull();
    expect(scopedPoints(points, regions, ["jp-appi"])).toBeNull();
  });
});
