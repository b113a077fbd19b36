import { describe, expect, it } from "vitest";
import { scopedIndexes } from "./map-scope";

const regions = ["eu-gdpr", "uk-gdpr", "us-fedramp"].map((id) => ({
  id,
  name: id,
  color: "#000",
  countries: [],
}));
// fra, lon, iad, ams
const cols = { region: Int16Array.from([0, 1, 2, 0]) };

describe("a region-scoped user's map", () => {
  it("opens on the satellites of her regions", () => {
    expect(Array.from(scopedIndexes(cols, regions, ["eu-gdpr"]) ?? [])).toEqual([0, 3]);
    expect(Array.from(scopedIndexes(cols, regions, ["eu-gdpr", "uk-gdpr"]) ?? [])).toEqual([0, 1, 3]);
  });

  it("has nothing to narrow to for a user of every region, or one with no satellites shown", () => {
    expect(scopedIndexes(cols, regions, null)).toBeNull();
    expect(scopedIndexes(cols, regions, [])).toBeNull();
    expect(scopedIndexes(cols, regions, ["jp-appi"])).toBeNull();
  });
});
