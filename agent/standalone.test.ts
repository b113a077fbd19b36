import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The agent ships to satellites on its own: node built-ins and agent/ code only, nothing of the core.
const agentDir = dirname(fileURLToPath(import.meta.url));
const sources = [
  "agent.ts",
  ...["host", "agent-lib"].flatMap((dir) =>
    readdirSync(join(agentDir, dir))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "test-helpers.ts")
      .map((f) => join(dir, f)),
  ),
];

describe("the agent is standalone", () => {
  it.each(sources)("%s imports only node built-ins and agent code", (file) => {
    const text = readFileSync(join(agentDir, file), "utf8");
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^"']*?from\s+["']([^"']+)["']/gm)].map(
      (m) => m[1],
    );
    expect(text, `${file} loads modules dynamically`).not.toMatch(/\b(?:require|import)\s*\(/);
    for (const specifier of specifiers) {
      if (specifier.startsWith("node:")) continue;
      expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
      const target = relative(agentDir, resolve(agentDir, dirname(file), specifier));
      expect(target.startsWith(".."), `${file} reaches outside agent/: ${specifier}`).toBe(false);
      expect(target.startsWith("sim"), `${file} uses the simulator: ${specifier}`).toBe(false);
    }
  });
});
