import { describe, expect, it } from "vitest";
import { renderAtomFeed, rfc3339, type AtomFeed } from "./atom";
import { xmlWellFormednessError } from "./well-formed";

const base: AtomFeed = {
  id: "https://status.example.com/s/eu",
  title: "EU status",
  selfUrl: "https://status.example.com/api/status/eu/feed.atom",
  pageUrl: "https://status.example.com/status/eu",
  updated: new Date("2026-11-28T12:00:00.250Z"),
  entries: [],
};

const entry = (id: string, updated: string) => ({
  id: `tag:status.example.com,2026:incident/${id}`,
  title: `Incident ${id}`,
  updated: new Date(updated),
  published: new Date("2026-11-01T00:00:00Z"),
  link: `https://status.example.com/status/eu/incidents/${id}`,
  summary: `Summary ${id}`,
});

const count = (xml: string, s: string) => xml.split(s).length - 1;

describe("renderAtomFeed", () => {
  it("an empty feed is valid and has every required element", () => {
    const xml = renderAtomFeed(base);
    expect(xmlWellFormednessError(xml)).toBeNull();
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'),
    ).toBe(true);
    expect(xml).toContain("<id>https://status.example.com/s/eu</id>");
    expect(xml).toContain('<title type="text">EU status</title>');
    expect(xml).toContain("<updated>2026-11-28T12:00:00Z</updated>");
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://status.example.com/api/status/eu/feed.atom"/>',
    );
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="https://status.example.com/status/eu"/>',
    );
    expect(xml).toContain("<author><name>EU status</name></author>");
    expect(count(xml, "<entry>")).toBe(0);
  });

  it("renders entries with dates, link, categories and text content, newest first", () => {
    const xml = renderAtomFeed({
      ...base,
      author: "Orrery operations",
      entries: [
        entry("a", "2026-11-20T08:00:00Z"),
        { ...entry("c", "2026-11-27T09:30:00Z"), categories: ["major", "eu-gdpr"] },
        entry("b", "2026-11-25T10:00:00Z"),
      ],
    });
    expect(xmlWellFormednessError(xml)).toBeNull();
    expect(xml).toContain("<author><name>Orrery operations</name></author>");
    expect(count(xml, "<entry>")).toBe(3);
    const ids = [...xml.matchAll(/<id>tag:status\.example\.com,2026:incident\/(\w)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual(["c", "b", "a"]);
    expect(xml).toContain("<updated>2026-11-27T09:30:00Z</updated>");
    expect(count(xml, "<published>2026-11-01T00:00:00Z</published>")).toBe(3);
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="https://status.example.com/status/eu/incidents/c"/>',
    );
    expect(xml).toContain('<category term="major"/>\n<category term="eu-gdpr"/>');
    expect(xml).toContain('<content type="text">Summary c</content>');
  });

  it("moves the feed's updated forward to its newest entry", () => {
    const xml = renderAtomFeed({ ...base, entries: [entry("z", "2026-11-28T13:00:00Z")] });
    expect(xml.split("<entry>")[0]).toContain("<updated>2026-11-28T13:00:00Z</updated>");
  });

  it("escapes every text and attribute", () => {
    const xml = renderAtomFeed({
      ...base,
      title: `Tom & "Jerry" <status>`,
      selfUrl: "https://status.example.com/feed?a=1&b=2",
      entries: [
        {
          ...entry("x", "2026-11-27T00:00:00Z"),
          title: "Link <down> & 'slow'",
          summary: "Loss > 5 % & rising\nsee <b>here</b>",
          link: 'https://status.example.com/i?x="1"&y=<2>',
          categories: ['a"b&c'],
        },
      ],
    });
    expect(xmlWellFormednessError(xml)).toBeNull();
    expect(xml).toContain('<title type="text">Tom &amp; &quot;Jerry&quot; &lt;status&gt;</title>');
    expect(xml).toContain('href="https://status.example.com/feed?a=1&amp;b=2"');
    expect(xml).toContain("Link &lt;down&gt; &amp; &apos;slow&apos;");
    expect(xml).toContain("Loss &gt; 5 % &amp; rising\nsee &lt;b&gt;here&lt;/b&gt;");
    expect(xml).toContain('term="a&quot;b&amp;c"');
    expect(xml).not.toContain("<b>");
  });

  it("writes RFC 3339 dates in UTC", () => {
    expect(rfc3339(new Date("2026-11-28T12:00:00.999+02:00"))).toBe("2026-11-28T10:00:00Z");
    expect(() => rfc3339(new Date("nope"))).toThrow(RangeError);
  });
});
