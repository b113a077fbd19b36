import { describe, expect, it } from "vitest";
import { contentEtag, isTaggedJson, tagJson } from "./tagged-json";

describe("tagJson", () => {
  it("serialises once and tags the content: equal values share an ETag, different ones do not", () => {
    const a = tagJson({ n: 1 });
    expect(a.json).toBe('{"n":1}');
    expect(a.etag).toBe(contentEtag('{"n":1}'));
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(tagJson({ n: 1 }).etag).toBe(a.etag);
    expect(tagJson({ n: 2 }).etag).not.toBe(a.etag);
  });

  it("is recognised, also when spread into a larger value; plain objects are not", () => {
    expect(isTaggedJson(tagJson([]))).toBe(true);
    expect(isTaggedJson({ extra: 1, ...tagJson([]) })).toBe(true);
    expect(isTaggedJson({ json: "[]", etag: '"x"' })).toBe(false);
    expect(isTaggedJson(null)).toBe(false);
  });
});
