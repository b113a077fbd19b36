import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The rules operators copy from docs/monitoring.md are the rules CI checks with promtool.
describe("the documented alert rules", () => {
  it("are the shipped rules file, word for word", () => {
    const doc = readFileSync("docs/monitoring.md", "utf8");
    const section = doc.slice(doc.indexOf("### Alert rules"));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(readFileSync("docs/monitoring/alerts.rules.yml", "utf8"));
  });
});
