import { describe, expect, it } from "vitest";
import { fnv1a64, matchesEtag, weakEtag } from "./etag";

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64-bit test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("hashes the UTF-8 bytes", () => {
    // "é" is c3 a9 in UTF-8: the same as hashing those two bytes as Latin-1 would not be.
    expect(fnv1a64("é")).not.toBe(fnv1a64("\u00c3\u00a9"));
    expect(fnv1a64("é")).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("weakEtag", () => {
  it("is a weak validator that changes with the body and only with it", () => {
    const body = JSON.stringify({ status: "operational" });
    expect(weakEtag(body)).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]{16}"$/);
    expect(weakEtag(body)).toBe(weakEtag(body));
    expect(weakEtag(body)).not.toBe(weakEtag(JSON.stringify({ status: "major_outage" })));
    expect(weakEtag("")).toBe('W/"0-cbf29ce484222325"');
    expect(weakEtag("€")).toMatch(/^W\/"3-/);
  });
});

describe("matchesEtag", () => {
  const etag = 'W/"1a-0123456789abcdef"';

  it("matches the same tag, weak or strong on either side", () => {
    expect(matchesEtag('W/"1a-0123456789abcdef"', etag)).toBe(true);
    expect(matchesEtag('"1a-0123456789abcdef"', etag)).toBe(true);
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
  });

  it("matches any tag of a list and *", () => {
    expect(matchesEtag('"x", W/"1a-0123456789abcdef" ,"y"', etag)).toBe(true);
    expect(matchesEtag('"x","y"', etag)).toBe(false);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag(' "x" , * ', etag)).toBe(true);
  });

  it("does not split quoted tags on commas, and tolerates unquoted tags", () => {
    expect(matchesEtag('"a,b"', '"a,b"')).toBe(true);
    expect(matchesEtag('"a,b"', '"a"')).toBe(false);
    expect(matchesEtag("1a-0123456789abcdef", etag)).toBe(true);
  });

  it("never matches a missing, empty or different header", () => {
    expect(matchesEtag(null, etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
    expect(matchesEtag("", etag)).toBe(false);
    expect(matchesEtag(" , ", etag)).toBe(false);
    expect(matchesEtag('W/"1a-0123456789abcdeF"', etag)).toBe(false);
    expect(matchesEtag('"1a-0123456789abcdef', etag)).toBe(false);
    expect(matchesEtag("W/*", etag)).toBe(false);
  });
});
