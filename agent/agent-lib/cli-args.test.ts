import { describe, expect, it } from "vitest";
import { parseAgentArgs, readJoinToken, UsageError, type AgentConfig } from "./cli-args";

const base = ["--core", "https://orrery.example.com", "--state-dir", "/var/lib/orrery-agent"];
const files: Record<string, string> = { "/etc/orrery/join-token": "orr_join_abc\n" };
const readText = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: ${path}`);
  return files[path];
};
const parse = (...args: string[]) => parseAgentArgs([...base, ...args]) as AgentConfig;
const usageError = (args: string[], run: () => unknown = () => parseAgentArgs(args)) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a usage error");
};

describe("parseAgentArgs", () => {
  it("needs only the core and the state dir, with defaults for the rest", () => {
    expect(parse()).toEqual({
      core: "https://orrery.example.com/",
      stateDir: "/var/lib/orrery-agent",
      joinToken: null,
      isReenroll: false,
      upgradeHook: null,
      backupHook: null,
      intervalOverrideSec: null,
      agentVersion: "1.4.0",
      stackVersion: null,
      diskPath: "/var/lib/orrery-agent",
      procRoot: "/proc",
      isVerbose: false,
      satellite: null,
    });
  });

  it("--re-enroll needs a join token to enroll with", () => {
    expect(parse("--re-enroll", "--join-token", "orr_join_x").isReenroll).toBe(true);
    expect(usageError([...base, "--re-enroll"])).toMatch(/--re-enroll needs --join-token/);
  });

  it("reads every option", () => {
    const config = parse(
      "--join-token",
      "orr_join_x",
      "--upgrade-hook",
      "/opt/hook.sh",
      "--backup-hook",
      "/opt/last-backup.sh",
      "--interval-override",
      "30",
      "--agent-version",
      "1.5.0",
      "--stack-version",
      "2026.11.1",
      "--disk-path",
      "/srv",
      "--verbose",
    );
    expect(config).toMatchObject({
      joinToken: { value: "orr_join_x" },
      upgradeHook: "/opt/hook.sh",
      backupHook: "/opt/last-backup.sh",
      intervalOverrideSec: 30,
      agentVersion: "1.5.0",
      stackVersion: "2026.11.1",
      diskPath: "/srv",
      isVerbose: true,
    });
  });

  it("reads the join token from the flag or, only when asked, from its file", () => {
    const fromFile = parse("--join-token-file", "/etc/orrery/join-token").joinToken;
    expect(fromFile).toEqual({ file: "/etc/orrery/join-token" });
    expect(readJoinToken(fromFile, readText)).toBe("orr_join_abc");
    expect(readJoinToken({ value: " orr_join_x " }, readText)).toBe("orr_join_x");
    const missing = parse("--join-token-file", "/nope").joinToken;
    expect(usageError([], () => readJoinToken(missing, readText))).toMatch(/cannot read --join-token-file/);
    expect(usageError([], () => readJoinToken(null, readText))).toMatch(/needs --join-token/);
  });

  it("says what is wrong", () => {
    expect(usageError(["--state-dir", "/x"])).toMatch(/--core is required/);
    expect(usageError(["--core", "https://x"])).toMatch(/--state-dir is required/);
    expect(usageError(["--core", "not a url", "--state-dir", "/x"])).toMatch(/not a URL/);
    expect(usageError(["--core", "ftp://x", "--state-dir", "/x"])).toMatch(/http/);
    expect(usageError([...base, "--interval-override", "0"])).toMatch(/1 to 3600/);
    expect(usageError([...base, "--agent-version", "1 4"])).toMatch(/not a version/);
    expect(usageError([...base, "--bogus"])).toMatch(/bogus/);
    expect(usageError([...base, "--join-token", "a", "--join-token-file", "b"])).toMatch(/not both/);
  });

  it("answers --help", () => {
    expect(parseAgentArgs(["--help"])).toBe("help");
  });

  it("describes a new satellite from flags, with defaults for what is left out", () => {
    const { satellite } = parse(
      "--city",
      "Frankfurt",
      "--country",
      "de",
      "--lat",
      "50.11",
      "--lon",
      "8.68",
      "--label",
      "tier=gold",
      "--label",
      "rack=a1",
    );
    expect(satellite).toEqual({
      slug: null,
      name: null,
      kind: "edge",
      provider: "own",
      city: "Frankfurt",
      country: "DE",
      lat: 50.11,
      lon: 8.68,
      uplinkMbps: 1000,
      downlinkMbps: 1000,
      labels: { tier: "gold", rack: "a1" },
    });
  });

  it("refuses an incomplete or invalid satellite description", () => {
    expect(usageError([...base, "--slug", "fra-edge-01"])).toMatch(/--city --country --lat --lon/);
    const where = ["--city", "X", "--country", "DE", "--lat", "1", "--lon", "2"];
    expect(usageError([...base, ...where, "--kind", "moon"])).toMatch(/--kind/);
    expect(usageError([...base, ...where, "--slug", "Bad_Slug"])).toMatch(/--slug/);
    expect(usageError([...base, ...where, "--lat", "91"])).toMatch(/--lat/);
    expect(usageError([...base, "--city", "X", "--country", "Germany", "--lat", "1", "--lon", "2"])).toMatch(
      /two-letter/,
    );
    expect(usageError([...base, ...where, "--label", "novalue"])).toMatch(/key=value/);
  });
});
