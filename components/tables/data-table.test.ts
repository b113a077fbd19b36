import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Time } from "../ui/time";
import { DataTable, type Column } from "./data-table";
import { Pager } from "./pager";

type Row = { id: string; name: string; count: number };
const rows: Row[] = [
  { id: "a", name: "alpha", count: 1200 },
  { id: "b", name: "beta", count: 3 },
];
const columns: Column<Row>[] = [
  { id: "name", header: "Name", sort: "name", cell: (r) => r.name },
  { id: "count", header: "Count", isNumeric: true, cell: (r) => r.count },
];
const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe("DataTable", () => {
  it("renders headers, rows and their accessible names", () => {
    const out = html(
      createElement(DataTable<Row>, { columns, rows, rowKey: (r) => r.id, rowLabel: (r) => `row ${r.name}` }),
    );
    expect(out).toContain('<th scope="col"');
    expect(out).toContain(">Name</th>");
    expect(out).toContain('aria-label="row alpha"');
    expect(out.indexOf("alpha")).toBeLessThan(out.indexOf("beta"));
  });

  it("links each sortable header to the URL of its next sort, and marks the current one", () => {
    const sort = {
      by: "name",
      dir: "asc" as const,
      href: (by: string, dir: string) => `/list?sort=${by}&dir=${dir}`,
    };
    const out = html(createElement(DataTable<Row>, { columns, rows, rowKey: (r) => r.id, sort }));
    expect(out).toContain('aria-sort="ascending"');
    expect(out).toContain('href="/list?sort=name&amp;dir=desc"');
    expect(out).toContain("Name ↑");
    // A column without a sort key stays plain text.
    expect(out).not.toContain("sort=count");
  });

  it("labels each cell for the phone's cards and places the title, lead and hidden columns", () => {
    type Sat = { id: string; name: string; health: string; kind: string };
    const out = html(
      createElement(DataTable<Sat>, {
        columns: [
          { id: "name", header: "Satellite", sort: "name", cell: (r) => r.name },
          { id: "health", header: "Health", card: "lead", cell: (r) => r.health },
          { id: "kind", header: "Kind", card: "hidden", cell: (r) => r.kind },
          { id: "act", header: createElement("span", null, "Act"), cardLabel: "Actions", cell: () => "x" },
        ],
        rows: [{ id: "a", name: "alpha", health: "critical", kind: "edge" }],
        rowKey: (r) => r.id,
        sort: { by: "name", dir: "asc", href: () => "/" },
      }),
    );
    expect(out).toMatch(/<td class="[^"]*cardTitle[^"]*" data-label="Satellite">alpha<\/td>/);
    expect(out).toMatch(/<td class="[^"]*cardLead[^"]*" data-label="Health">critical<\/td>/);
    expect(out).toMatch(/<td class="[^"]*cardHidden[^"]*" data-label="Kind">edge<\/td>/);
    expect(out).toContain('data-label="Actions"');
    // Only sortable headers stay on a phone, as the row of sort links.
    expect(out).toMatch(/<th scope="col" class="[^"]*sortable[^"]*" aria-sort="ascending">/);
  });

  it("shows the empty state and the footer instead of a table when there are no rows", () => {
    const out = html(
      createElement(DataTable<Row>, {
        columns,
        rows: [],
        rowKey: (r) => r.id,
        empty: { title: "Nothing here", body: "Loosen a filter." },
        footer: createElement("nav", { "aria-label": "Pages" }),
      }),
    );
    expect(out).not.toContain("<table");
    expect(out).toContain("<h2>Nothing here</h2>");
    expect(out).toContain("Loosen a filter.");
    expect(out).toContain('aria-label="Pages"');
  });
});

describe("Pager", () => {
  const href = (page: number) => `/list?page=${page}`;

  it("says which rows show and links both ways from a middle page", () => {
    const out = html(createElement(Pager, { page: 2, limit: 50, total: 2450, href }));
    expect(out).toContain("51–100 of 2,450");
    expect(out).toContain('rel="prev" href="/list?page=1"');
    expect(out).toContain('rel="next" href="/list?page=3"');
    expect(out).toContain("Page 2 of 49");
  });

  it("disables the direction that leads nowhere", () => {
    const out = html(createElement(Pager, { page: 1, limit: 50, total: 60, href }));
    expect(out).not.toContain('rel="prev"');
    expect(out).toContain('aria-disabled="true"');
  });

  it("hides itself for a single page unless asked to show", () => {
    expect(html(createElement(Pager, { page: 1, limit: 50, total: 10, href }))).toBe("");
    const shown = html(
      createElement(Pager, {
        page: 1,
        limit: 50,
        total: 10,
        href,
        isAlwaysShown: true,
        summary: "10 events",
      }),
    );
    expect(shown).toContain("10 events");
  });
});

describe("Time", () => {
  const at = "2026-11-28T19:42:25Z";

  it("renders relative to the server's now, with the UTC instant in the title", () => {
    const out = html(createElement(Time, { at, now: "2026-11-28T19:46:25Z" }));
    expect(out).toBe(
      '<time dateTime="2026-11-28T19:42:25.000Z" title="28 Nov 2026, 19:42:25 UTC">4 min ago</time>',
    );
  });

  it("renders the absolute time on the server when no now is given", () => {
    expect(html(createElement(Time, { at }))).toContain(">28 Nov 2026, 19:42 UTC</time>");
  });

  it("shows a dash for a missing or unreadable moment", () => {
    expect(html(createElement(Time, { at: null }))).toBe('<span class="muted">—</span>');
    expect(html(createElement(Time, { at: "not a date" }))).toBe('<span class="muted">—</span>');
  });
});
