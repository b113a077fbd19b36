import { describe, expect, it } from "vitest";
import { releaseAllowedIn } from "./residency";

describe("releaseAllowedIn", () => {
  const release = { certifiedRegionIds: ["eu-gdpr", "us-general"] };

  it("allows a region the release is certified for", () => {
    expect(releaseAllowedIn(release, "eu-gdpr")).toBe(true);
    expect(releaseAllowedIn(release, "us-general")).toBe(true);
  });

  it("refuses any other region", () => {
    expect(releaseAllowedIn(release, "uk-gdpr")).toBe(false);
    expect(releaseAllowedIn(release, "")).toBe(false);
  });

  it("refuses every region for a release certified nowhere", () => {
    expect(releaseAllowedIn({ certifiedRegionIds: [] }, "eu-gdpr")).toBe(false);
  });

  it("matches region ids exactly, not by prefix or case", () => {
    expect(releaseAllowedIn(release, "eu")).toBe(false);
    expect(releaseAllowedIn(release, "EU-GDPR")).toBe(false);
  });
});
