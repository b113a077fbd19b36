import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBackupTime, readLastBackupAt } from "./backup";
import { collectFacts } from "./collect";
import { readDiskEncrypted } from "./disk-encryption";
import { fakeSources, fixture, missing, ok, timeout } from "./fake-sources";
import { readFipsEnabled } from "./fips";
import { readOsFacts } from "./os-release";
import { countAptSecurity, countDnfSecurity, readPendingSecurityUpdates } from "./security-updates";
import { execWithTimeout, listDirOrNull, readTextOrNull } from "./sources";
import { readTimeFacts } from "./time-sync";

const APT = "apt-get -s -q -o Debug::NoLocking=true upgrade";
const DNF = "dnf -q updateinfo list --security";

describe("OS from os-release", () => {
  it("reads the name and version of Ubuntu and RHEL", () => {
    const ubuntu = fakeSources({ files: { "/etc/os-release": fixture("os-release-ubuntu") } });
    expect(readOsFacts(ubuntu)).toEqual({ osName: "Ubuntu", osVersion: "24.04" });
    const rhel = fakeSources({ files: { "/usr/lib/os-release": fixture("os-release-rhel") } });
    expect(readOsFacts(rhel)).toEqual({ osName: "Red Hat Enterprise Linux", osVersion: "9.4" });
  });

  it("is unknown without the file, and under another root reads that root's", () => {
    expect(readOsFacts(fakeSources({}))).toEqual({ osName: null, osVersion: null });
    const host = fakeSources({ files: { "/host/etc/os-release": 'NAME=Debian\nVERSION="12 (bookworm)"\n' } });
    expect(readOsFacts(host, "/host/")).toEqual({ osName: "Debian", osVersion: "12 (bookworm)" });
  });
});

describe("disk encryption", () => {
  const sys = (uuids: Record<string, string>) =>
    fakeSources({
      dirs: { "/sys/block": ["sda", "nvme0n1", ...Object.keys(uuids)] },
      files: Object.fromEntries(Object.entries(uuids).map(([d, u]) => [`/sys/block/${d}/dm/uuid`, u])),
    });

  it("is on with a CRYPT- device-mapper device, without asking lsblk", async () => {
    const sources = sys({ "dm-0": "CRYPT-LUKS2-0f1e2d3c-sda3_crypt\n", "dm-1": "LVM-abc" });
    expect(await readDiskEncrypted(sources)).toBe(true);
    expect(sources.ran).toEqual([]);
  });

  it("asks lsblk when sysfs shows none, and believes its crypt lines", async () => {
    const lsblk = "lsblk -n -r -o TYPE";
    expect(
      await readDiskEncrypted({
        ...sys({ "dm-0": "LVM-abc" }),
        ...onlyExec(lsblk, ok(fixture("lsblk-plain"))),
      }),
    ).toBe(false);
    expect(await readDiskEncrypted({ ...sys({}), ...onlyExec(lsblk, ok(fixture("lsblk-crypt"))) })).toBe(
      true,
    );
  });

  it("is off from sysfs alone without lsblk, and unknown when neither answers", async () => {
    expect(await readDiskEncrypted(sys({ "dm-0": "LVM-abc" }))).toBe(false);
    expect(await readDiskEncrypted(fakeSources({}))).toBeNull();
    const hung = fakeSources({ commands: { "lsblk -n -r -o TYPE": timeout } });
    expect(await readDiskEncrypted(hung)).toBeNull();
  });
});

function onlyExec(key: string, result: ReturnType<typeof ok>) {
  return {
    exec: async (file: string, args: string[]) => ([file, ...args].join(" ") === key ? result : missing),
  };
}

describe("time synchronisation", () => {
  it("takes the sync flag from timedatectl and the offset from chrony (slow is negative)", async () => {
    const sources = fakeSources({
      commands: {
        "timedatectl show": ok(fixture("timedatectl-show")),
        "chronyc -n tracking": ok(fixture("chronyc-tracking")),
      },
    });
    expect(await readTimeFacts(sources)).toEqual({ timeSynced: true, clockOffsetMs: -0.413 });
  });

  it("without chrony reads timesyncd's offset, then adjtimex's", async () => {
    const timesyncd = fakeSources({
      commands: {
        "timedatectl show": ok(fixture("timedatectl-show-unsynced")),
        "timedatectl timesync-status": ok(fixture("timesync-status")),
      },
    });
    expect(await readTimeFacts(timesyncd)).toEqual({ timeSynced: false, clockOffsetMs: -1.234 });
    const adjtimex = fakeSources({ commands: { "adjtimex --print": ok(fixture("adjtimex-print")) } });
    expect(await readTimeFacts(adjtimex)).toEqual({ timeSynced: null, clockOffsetMs: -2.5 });
  });

  it("falls back to chrony's leap status, and is unknown when nothing answers in time", async () => {
    const chrony = fakeSources({
      commands: { "chronyc -n tracking": ok(fixture("chronyc-tracking-unsynced")) },
    });
    expect(await readTimeFacts(chrony)).toEqual({ timeSynced: false, clockOffsetMs: 1734 });
    const hung = fakeSources({
      commands: { "timedatectl show": timeout, "chronyc -n tracking": timeout, "adjtimex --print": timeout },
    });
    expect(await readTimeFacts(hung)).toEqual({ timeSynced: null, clockOffsetMs: null });
  });
});

describe("FIPS mode", () => {
  it("reads 1, 0, and anything else or no file as unknown", () => {
    const at = (text?: string) =>
      fakeSources({ files: text === undefined ? {} : { "/proc/sys/crypto/fips_enabled": text } });
    expect(readFipsEnabled(at("1\n"))).toBe(true);
    expect(readFipsEnabled(at("0\n"))).toBe(false);
    expect(readFipsEnabled(at("garbage"))).toBeNull();
    expect(readFipsEnabled(at())).toBeNull();
  });
});

describe("pending security updates", () => {
  it("counts apt's -security origins on Ubuntu and Debian, not other upgrades", () => {
    expect(countAptSecurity(fixture("apt-get-s-upgrade"))).toBe(2);
    expect(countAptSecurity(fixture("apt-get-s-upgrade-debian"))).toBe(1);
  });

  it("counts dnf's security packages once each, for dnf 4 and dnf 5", () => {
    expect(countDnfSecurity(fixture("dnf-updateinfo"))).toBe(3);
    expect(countDnfSecurity(fixture("dnf5-updateinfo"))).toBe(2);
  });

  it("asks apt first, dnf without apt, and is unknown when the tool fails, hangs or is absent", async () => {
    expect(
      await readPendingSecurityUpdates(
        fakeSources({ commands: { [APT]: ok(fixture("apt-get-s-upgrade")) } }),
      ),
    ).toBe(2);
    const dnf = fakeSources({ commands: { [DNF]: ok(fixture("dnf-updateinfo")) } });
    expect(await readPendingSecurityUpdates(dnf)).toBe(3);
    expect(dnf.ran).toEqual([APT, DNF]);
    expect(
      await readPendingSecurityUpdates(fakeSources({ commands: { [APT]: ok("E: lists are locked", 100) } })),
    ).toBeNull();
    expect(await readPendingSecurityUpdates(fakeSources({ commands: { [APT]: timeout } }))).toBeNull();
    expect(await readPendingSecurityUpdates(fakeSources({ commands: { [DNF]: timeout } }))).toBeNull();
    expect(await readPendingSecurityUpdates(fakeSources({}))).toBeNull();
  });
});

describe("last backup from the hook", () => {
  const now = Date.parse("2026-12-06T05:00:00Z");

  it("reads ISO 8601 or Unix seconds from the last line", () => {
    expect(parseBackupTime("restic ok\n2026-12-06T03:00:00Z\n", now)?.toISOString()).toBe(
      "2026-12-06T03:00:00.000Z",
    );
    expect(parseBackupTime("1796526000\n", now)?.toISOString()).toBe("2026-12-06T03:00:00.000Z");
    expect(parseBackupTime("2026-12-06T04:00:00+01:00", now)?.toISOString()).toBe("2026-12-06T03:00:00.000Z");
  });

  it("is unknown for nothing, nonsense, a future time, no hook, a failing or hanging hook", async () => {
    expect(parseBackupTime("", now)).toBeNull();
    expect(parseBackupTime("yesterday", now)).toBeNull();
    expect(parseBackupTime("2026-12-07T00:00:00Z", now)).toBeNull();
    expect(await readLastBackupAt(fakeSources({}), null, now)).toBeNull();
    const failing = fakeSources({ commands: { "/opt/hook": ok("2026-12-06T03:00:00Z", 1) } });
    expect(await readLastBackupAt(failing, "/opt/hook", now)).toBeNull();
    expect(
      await readLastBackupAt(fakeSources({ commands: { "/opt/hook": timeout } }), "/opt/hook", now),
    ).toBeNull();
    const good = fakeSources({ commands: { "/opt/hook": ok("2026-12-06T03:00:00Z\n") } });
    expect((await readLastBackupAt(good, "/opt/hook", now))?.toISOString()).toBe("2026-12-06T03:00:00.000Z");
  });
});

describe("collectFacts", () => {
  it("gathers every fact into one report", async () => {
    const sources = fakeSources({
      files: {
        "/etc/os-release": fixture("os-release-ubuntu"),
        "/proc/sys/crypto/fips_enabled": "0\n",
        "/sys/block/dm-0/dm/uuid": "CRYPT-LUKS2-x",
      },
      dirs: { "/sys/block": ["dm-0", "sda"] },
      commands: {
        "timedatectl show": ok(fixture("timedatectl-show")),
        "chronyc -n tracking": ok(fixture("chronyc-tracking")),
        [APT]: ok(fixture("apt-get-s-upgrade")),
        "/opt/hook": ok("1796526000"),
      },
    });
    const facts = await collectFacts({
      agentVersion: "1.5.0",
      sources,
      kernel: () => "6.8.0-49-generic",
      backupHook: "/opt/hook",
      now: () => Date.parse("2026-12-06T05:00:00Z"),
    });
    expect(facts).toEqual({
      agentVersion: "1.5.0",
      osName: "Ubuntu",
      osVersion: "24.04",
      kernel: "6.8.0-49-generic",
      diskEncrypted: true,
      timeSynced: true,
      clockOffsetMs: -0.413,
      fipsEnabled: false,
      pendingSecurityUpdates: 2,
      lastBackupAt: "2026-12-06T03:00:00.000Z",
    });
  });

  it("reports every fact unknown on a bare host, and survives a reader that throws", async () => {
    const throwing = {
      ...fakeSources({}),
      listDir: () => {
        throw new Error("boom");
      },
    };
    const facts = await collectFacts({
      agentVersion: "1.5.0",
      sources: throwing,
      kernel: () => {
        throw new Error("no");
      },
    });
    expect(facts).toEqual({
      agentVersion: "1.5.0",
      osName: null,
      osVersion: null,
      kernel: null,
      diskEncrypted: null,
      timeSynced: null,
      clockOffsetMs: null,
      fipsEnabled: null,
      pendingSecurityUpdates: null,
      lastBackupAt: null,
    });
  });

  it("keeps a wildly wrong offset within what the core takes", async () => {
    const sources = fakeSources({ commands: { "adjtimex --print": ok("offset: -99999999999999999\n") } });
    const facts = await collectFacts({ agentVersion: "1.5.0", sources });
    expect(facts.clockOffsetMs).toBe(-365 * 86_400_000);
  });
});

describe("the real sources", () => {
  it("read files and directories as null when absent", () => {
    const dir = mkdtempSync(join(tmpdir(), "orrery-facts-"));
    writeFileSync(join(dir, "fips_enabled"), "1\n");
    expect(readTextOrNull(join(dir, "fips_enabled"))).toBe("1\n");
    expect(readTextOrNull(join(dir, "nope"))).toBeNull();
    expect(listDirOrNull(dir)).toEqual(["fips_enabled"]);
    expect(listDirOrNull(join(dir, "nope"))).toBeNull();
  });

  it("run a program, tell a missing one, and kill one that hangs", async () => {
    expect(await execWithTimeout(process.execPath, ["-e", "process.stdout.write('hi')"], 10_000)).toEqual({
      kind: "ok",
      code: 0,
      stdout: "hi",
    });
    expect(await execWithTimeout(process.execPath, ["-e", "process.exit(3)"], 10_000)).toMatchObject({
      kind: "ok",
      code: 3,
    });
    expect(await execWithTimeout("/nonexistent/orrery-no-such-tool", [], 1000)).toEqual({ kind: "missing" });
    const started = Date.now();
    expect(await execWithTimeout(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], 300)).toEqual({
      kind: "timeout",
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
