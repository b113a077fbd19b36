import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Small files are read whole and reviewed whole; past this a file has usually grown a second job.
const LIMIT = 300;
// A test file is a list of independent cases read one at a time, and each domain test file migrates a fresh
// database of its own, so splitting one costs test time without making any case easier to read.
const TEST_LIMIT = 800;
const ROOTS = ["server", "lib", "components"];

/** Files allowed past LIMIT, each up to its own ceiling and for its reason. Remove an entry once it fits. */
const ALLOWED: Record<string, { ceiling: number; reason: string }> = {
  "server/rollouts/engine.ts": {
    ceiling: 350,
    reason: "decide and applyDecisions are the two halves of one state machine and change together",
  },
  "lib/status/uptime.ts": {
    ceiling: 330,
    reason: "the span arithmetic and time-zone day bounds are private to the one uptime computation",
  },
  "components/ui/primitives.css": {
    ceiling: 520,
    reason: "the plain class names every page shares; one file keeps their cascade order in one place",
  },
};

const root = join(import.meta.dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function lineCount(path: string): number {
  const text = readFileSync(join(root, path), "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

function limitOf(path: string): number {
  if (path.endsWith(".test.ts") || path.endsWith(".test.tsx")) return TEST_LIMIT;
  return ALLOWED[path]?.ceiling ?? LIMIT;
}

describe("file size", () => {
  const sizes = new Map(ROOTS.flatMap(filesUnder).map((path) => [path, lineCount(path)]));

  it(`keeps every file under server/, lib/ and components/ within ${LIMIT} lines, or its allowance`, () => {
    const over = [...sizes]
      .filter(([path, lines]) => lines > limitOf(path))
      .map(([path, lines]) => `${path}: ${lines} lines (limit ${limitOf(path)})`);
    expect(over).toEqual([]);
  });

  it("allows only files that still need it", () => {
    const stale = Object.keys(ALLOWED).filter((path) => (sizes.get(path) ?? 0) <= LIMIT);
    expect(stale).toEqual([]);
  });
});
