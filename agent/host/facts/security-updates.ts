// Pending security updates as the package manager tells them: apt (Debian, Ubuntu) by simulating an
// upgrade, dnf (RHEL, Rocky, Fedora) from its security advisories. Null when neither can tell in time.
import type { FactSources } from "./sources";

// dnf may refresh its metadata first; a slow mirror must still not hold the report for long.
const APT_TIMEOUT_MS = 60_000;
const DNF_TIMEOUT_MS = 120_000;

/**
 * `apt-get -s upgrade`: one "Inst pkg [old] (new origin, origin [arch])" line per package; it is a security
 * update when one of its origins is a -security suite ("jammy-security", "Debian-Security:12/…").
 */
export function countAptSecurity(stdout: string): number {
  let count = 0;
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("Inst ")) continue;
    const origins = /\((.*)\)\s*$/.exec(line)?.[1] ?? "";
    if (/-security\b|Debian-Security/i.test(origins)) count++;
  }
  return count;
}

/**
 * `dnf -q updateinfo list --security`: "ADVISORY  Severity/Sec.  package-nevra" (dnf 4) or
 * "ADVISORY  security  Severity  package-nevra  issued" (dnf 5). Counts packages, not advisories.
 */
export function countDnfSecurity(stdout: string): number {
  const packages = new Set<string>();
  for (const line of stdout.split("\n")) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 3 && cols[1].endsWith("/Sec.")) packages.add(cols[2]);
    else if (cols.length >= 4 && cols[1] === "security") packages.add(cols[3]);
  }
  return packages.size;
}

export async function readPendingSecurityUpdates(sources: Pick<FactSources, "exec">): Promise<number | null> {
  const apt = await sources.exec(
    "apt-get",
    ["-s", "-q", "-o", "Debug::NoLocking=true", "upgrade"],
    APT_TIMEOUT_MS,
  );
  if (apt.kind === "ok") return apt.code === 0 ? countAptSecurity(apt.stdout) : null;
  if (apt.kind !== "missing") return null;
  const dnf = await sources.exec("dnf", ["-q", "updateinfo", "list", "--security"], DNF_TIMEOUT_MS);
  if (dnf.kind === "ok" && dnf.code === 0) return countDnfSecurity(dnf.stdout);
  return null;
}
