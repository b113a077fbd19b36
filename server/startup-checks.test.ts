import { describe, expect, it } from "vitest";
import { isProductionMode, startupRefusals, type StartupEnv, type StartupFacts } from "./startup-checks";

const SECRET = "a-production-secret-of-32-characters!!";
const safe: StartupEnv = {
  NODE_ENV: "production",
  ORRERY_DEMO: "0",
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: "https://orrery.example.com",
  ORRERY_ALLOW_INSECURE_HTTP: "0",
};
const noDemoAccounts: StartupFacts = { enabledDemoAccounts: [] };
const refusals = (env: Partial<StartupEnv>, facts: StartupFacts = noDemoAccounts) =>
  startupRefusals({ ...safe, ...env }, facts);

describe("start-up checks", () => {
  it("let a safe production core start", () => {
    expect(refusals({})).toEqual([]);
  });

  it("refuse a production core without NEXTAUTH_SECRET, naming the variable", () => {
    const lines = refusals({ NEXTAUTH_SECRET: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/refuses to start: NEXTAUTH_SECRET is not set/);
  });

  it("refuse a missing NEXTAUTH_URL and a plain-http one, asking for https", () => {
    const missing = refusals({ NEXTAUTH_URL: undefined });
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/NEXTAUTH_URL is not set\. Set it to the https:\/\//);
    const plain = refusals({ NEXTAUTH_URL: "http://orrery.example.com" });
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(
      /NEXTAUTH_URL is http:\/\/orrery\.example\.com\. .*ORRERY_ALLOW_INSECURE_HTTP=1/,
    );
  });

  it("accept plain http or no NEXTAUTH_URL when ORRERY_ALLOW_INSECURE_HTTP=1", () => {
    expect(refusals({ NEXTAUTH_URL: "http://10.0.0.5:3000", ORRERY_ALLOW_INSECURE_HTTP: "1" })).toEqual([]);
    expect(refusals({ NEXTAUTH_URL: undefined, ORRERY_ALLOW_INSECURE_HTTP: "1" })).toEqual([]);
  });

  it("refuse while a demo account is enabled, naming it and the command that disables it", () => {
    const lines = refusals({}, { enabledDemoAccounts: ["admin@orrery.local", "viewer@orrery.local"] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/admin@orrery\.local, viewer@orrery\.local/);
    expect(lines[0]).toMatch(/npm run user:disable-demo/);
  });

  it("refuse when the database cannot be read for demo accounts (fail closed)", () => {
    const lines = refusals({}, { enabledDemoAccounts: null, databaseError: "no such table: User" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/could not check the database .*no such table: User.*npm run db:migrate/);
  });

  it("give every reason at once, one line each", () => {
    const lines = refusals(
      { NEXTAUTH_SECRET: undefined, NEXTAUTH_URL: "http://x.example" },
      { enabledDemoAccounts: ["admin@orrery.local"] },
    );
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain("\n");
  });

  it("skip every refusal outside production and for a demo core", () => {
    const unsafe = { NEXTAUTH_SECRET: undefined, NEXTAUTH_URL: undefined };
    const demoAccounts = { enabledDemoAccounts: ["admin@orrery.local"] };
    expect(refusals({ ...unsafe, NODE_ENV: "development" }, demoAccounts)).toEqual([]);
    expect(refusals({ ...unsafe, NODE_ENV: "test" }, demoAccounts)).toEqual([]);
    expect(refusals({ ...unsafe, ORRERY_DEMO: "1" }, demoAccounts)).toEqual([]);
  });

  it("call production mode NODE_ENV=production without ORRERY_DEMO=1", () => {
    expect(isProductionMode({ NODE_ENV: "production", ORRERY_DEMO: "0" })).toBe(true);
    expect(isProductionMode({ NODE_ENV: "production", ORRERY_DEMO: "1" })).toBe(false);
    expect(isProductionMode({ NODE_ENV: "development", ORRERY_DEMO: "0" })).toBe(false);
  });
});
