import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyTests } from "./test-projects";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("sorting test files into the unit and domain projects", () => {
  const { unit, domain } = classifyTests(root);

  it("puts every test file in exactly one project", () => {
    expect(unit.filter((f) => domain.includes(f))).toEqual([]);
    expect(unit.length).toBeGreaterThan(0);
    expect(domain.length).toBeGreaterThan(0);
  });

  it("keeps pure modules in unit and database users in domain", () => {
    expect(unit).toContain("lib/connectivity.test.ts");
    expect(unit).toContain("server/rollouts/engine.test.ts");
    expect(unit).toContain("test/test-projects.test.ts");
    // Through the factories, through server/db.ts itself, and through a child process given a database.
    expect(domain).toContain("server/audit-log.test.ts");
    expect(domain).toContain("server/gateway/agent-fuzz.test.ts");
    expect(domain).toContain("prisma/bootstrap.test.ts");
  });
});
