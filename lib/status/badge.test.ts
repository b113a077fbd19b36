import { describe, expect, it } from "vitest";
import { renderBadge, textWidth } from "./badge";
import { PUBLIC_STATUS_COLOR, PUBLIC_STATUSES } from "./public-status";
import { xmlWellFormednessError } from "./well-formed";

const widthOf = (svg: string) => Number(/^<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);

describe("renderBadge", () => {
  it("draws a label box and a status box, accessible by its title", () => {
    const svg = renderBadge({ label: "EU status", status: "operational" });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="EU status: Operational"');
    expect(svg).toContain("<title>EU status: Operational</title>");
    expect(svg).toContain('fill="#555"');
    expect(svg).toContain(`fill="${PUBLIC_STATUS_COLOR.operational}"`);
    expect(xmlWellFormednessError(svg)).toBeNull();
  });

  it("uses the colour and label of each status", () => {
    for (const status of PUBLIC_STATUSES) {
      const svg = renderBadge({ label: "status", status });
      expect(svg).toContain(`fill="${PUBLIC_STATUS_COLOR[status]}"`);
      for (const other of PUBLIC_STATUSES) {
        if (other !== status) expect(svg).not.toContain(PUBLIC_STATUS_COLOR[other]);
      }
      expect(xmlWellFormednessError(svg)).toBeNull();
    }
    expect(renderBadge({ label: "x", status: "partial_outage" })).toContain(">Partial outage</text>");
    const none = renderBadge({ label: "x", status: null });
    expect(none).toContain(">Unknown</text>");
    expect(none).toContain('fill="#6b7280"');
  });

  it("escapes every text", () => {
    const svg = renderBadge({ label: `<script>&"'`, status: "major_outage", message: 'a < b & c > "d"' });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;&amp;&quot;&apos;");
    expect(svg).toContain("a &lt; b &amp; c &gt; &quot;d&quot;");
    expect(xmlWellFormednessError(svg)).toBeNull();
    expect(xmlWellFormednessError(renderBadge({ label: "bell\u0007", status: "operational" }))).toBeNull();
  });

  it("grows with its text", () => {
    const short = widthOf(renderBadge({ label: "eu", status: "operational" }));
    const long = widthOf(renderBadge({ label: "eu-gdpr satellites", status: "operational" }));
    const longer = widthOf(renderBadge({ label: "eu-gdpr satellites", status: "degraded_performance" }));
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
    expect(longer).toBeGreaterThan(long);
    expect(textWidth("WWW")).toBeGreaterThan(textWidth("iii"));
    expect(textWidth("")).toBe(0);
    // Escaping must not inflate the width: "&" is one character, not five.
    expect(widthOf(renderBadge({ label: "&&&", status: "operational" }))).toBe(
      widthOf(renderBadge({ label: "aaa", status: "operational" })),
    );
  });

  it("draws only the status box when the label is empty", () => {
    const svg = renderBadge({ label: "", status: "operational" });
    expect(svg).not.toContain('fill="#555"');
    expect(svg).toContain("<title>Operational</title>");
    expect(widthOf(svg)).toBe(Math.ceil(textWidth("Operational")) + 10);
    expect(xmlWellFormednessError(svg)).toBeNull();
  });
});
