import { describe, expect, it } from "vitest";
import { decodeSegment, hasMalformedPath } from "./route-params";

describe("decodeSegment", () => {
  it("decodes well-formed escapes and leaves plain text alone", () => {
    expect(decodeSegment("nyc-dc-01")).toBe("nyc-dc-01");
    expect(decodeSegment("caf%C3%A9")).toBe("café");
    expect(decodeSegment("constructor")).toBe("constructor");
  });

  it("answers null for malformed escapes instead of throwing", () => {
    for (const raw of ["%E0%A4%A", "%zz", "%", "abc%", "%C3", "%ED%A0%80"]) {
      expect(decodeSegment(raw), raw).toBeNull();
    }
  });
});

describe("hasMalformedPath", () => {
  it("finds a malformed escape in any segment of the path", () => {
    expect(hasMalformedPath("/satellites/%E0%A4%A")).toBe(true);
    expect(hasMalformedPath("/%zz/rollouts/abc")).toBe(true);
    expect(hasMalformedPath("/api/v1/rollouts/%")).toBe(true);
  });

  it("accepts well-formed paths and ignores the query and fragment", () => {
    expect(hasMalformedPath("/satellites/caf%C3%A9")).toBe(false);
    expect(hasMalformedPath("/")).toBe(false);
    expect(hasMalformedPath("/satellites?q=%zz")).toBe(false);
    expect(hasMalformedPath("/status/global#%zz")).toBe(false);
  });
});
