import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { csvCell } from "../http/csv";
import { satellitesCsv } from "./export";
import { registerSatellite } from "./register";

let admin: Ctx;
let viewer: Ctx;

async function collect(ctx: Ctx, input: unknown): Promise<string[]> {
  let text = "";
  for await (const chunk of satellitesCsv(ctx, input)) text += chunk;
  return text.split("\r\n").filter(Boolean);
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  await registerSatellite(admin, satelliteInput({ name: 'Berlin "Mitte", rack 2', country: "DE" }));
  await registerSatellite(admin, satelliteInput({ name: "=HYPERLINK(1)", country: "FR" }));
  await registerSatellite(
    admin,
    satelliteInput({ name: "Austin", country: "US", labels: { a: "1", b: "2" } }),
  );
});

describe("exporting the Satellites list as CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=SUM(A1)")).toBe(`"'=SUM(A1)"`);
    expect(csvCell("-1")).toBe(`"'-1"`);
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(null)).toBe("");
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });

  it("exports every satellite the filters match, with a header", async () => {
    const all = await collect(viewer, {});
    expect(all[0].split(",")).toContain("link_pct");
    expect(all).toHaveLength(4);
    const eu = await collect(viewer, { region: "eu-gdpr" });
    expect(eu).toHaveLength(3);
    expect(eu.join("\n")).toContain('"Berlin ""Mitte"", rack 2"');
    expect(eu.join("\n")).toContain("'=HYPERLINK(1)");
    const us = await collect(viewer, { region: "us-fedramp" });
    expect(us[1]).toContain("a=1;b=2");
  });

  it("refuses anonymous callers and bad filters before writing a line", async () => {
    await expect(collect(anonymous, {})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(collect(viewer, { health: "purple" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
