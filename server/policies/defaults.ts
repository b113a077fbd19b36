import "server-only";
import type { Mode, RuleKind, Severity } from "@/lib/policies/kinds";
import { recordAudit } from "../audit";
import type { Db, Prisma } from "../db";

// The default policy set a new installation starts with, in audit mode: they report, never block, until an
// admin turns one to enforce. Installed by prisma/bootstrap.ts (so `npm run db:migrate` in production too);
// a policy that exists already is left as it is, archived or edited.

type DefaultPolicy = {
  id: string;
  name: string;
  description: string;
  kind: RuleKind;
  params: Prisma.InputJsonValue;
  scope: Prisma.InputJsonValue;
  severity: Severity;
  frameworks: string[];
};

const ALL = { all: true };

export const DEFAULT_POLICIES: DefaultPolicy[] = [
  {
    id: "disk-encryption",
    name: "Disk encryption",
    description: "Data at rest is encrypted (LUKS/dm-crypt) on every satellite.",
    kind: "disk-encryption",
    params: {},
    scope: ALL,
    severity: "high",
    frameworks: ["GDPR Art. 32", "ISO 27001 A.8.24"],
  },
  {
    id: "release-residency",
    name: "Certified release",
    description: "Each satellite runs a release certified for its compliance region.",
    kind: "release-residency",
    params: {},
    scope: ALL,
    severity: "critical",
    frameworks: ["GDPR Art. 44", "ISO 27001 A.5.34"],
  },
  {
    id: "reporting",
    name: "Reporting",
    description: "The satellite's agent sent a heartbeat within the last 15 minutes.",
    kind: "reporting",
    params: { withinMinutes: 15 },
    scope: ALL,
    severity: "medium",
    frameworks: ["ISO 27001 A.8.16"],
  },
  {
    id: "agent-version",
    name: "Agent 1.4 or newer",
    description: "The agent is at a supported version with current security fixes.",
    kind: "min-agent-version",
    params: { version: "1.4.0" },
    scope: ALL,
    severity: "medium",
    frameworks: ["ISO 27001 A.8.8"],
  },
  {
    id: "patch-currency",
    name: "Security patches",
    description: "At most 10 security updates are pending.",
    kind: "patch-currency",
    params: { maxPending: 10 },
    scope: ALL,
    severity: "high",
    frameworks: ["ISO 27001 A.8.8", "GDPR Art. 32"],
  },
  {
    id: "clock-sync",
    name: "Clock synchronised",
    description: "Time is synchronised, with an offset below 500 ms, so logs and audit trails line up.",
    kind: "clock-offset",
    params: { maxOffsetMs: 500 },
    scope: ALL,
    severity: "low",
    frameworks: ["ISO 27001 A.8.17"],
  },
  {
    id: "fips-regulated",
    name: "FIPS mode in regulated regions",
    description: "FIPS-validated cryptography on satellites in FedRAMP and IRAP regions.",
    kind: "fips",
    params: {},
    scope: { regions: ["us-fedramp", "au-irap"] },
    severity: "high",
    frameworks: ["FedRAMP SC-13", "FIPS 140-3"],
  },
  {
    id: "backup",
    name: "Daily backup",
    description: "A backup completed within the last 26 hours.",
    kind: "backup",
    params: { withinHours: 26 },
    scope: ALL,
    severity: "medium",
    frameworks: ["ISO 27001 A.8.13", "GDPR Art. 32"],
  },
  {
    id: "owner-label",
    name: "Owner named",
    description: "Every satellite carries an owner label, so someone answers for it.",
    kind: "required-labels",
    params: { labels: ["owner"] },
    scope: ALL,
    severity: "low",
    frameworks: ["ISO 27001 A.5.9"],
  },
];

const MODE: Mode = "audit";

/** Installs the default policies that do not exist yet; returns how many it created. Idempotent. */
export async function installDefaultPolicies(db: Db): Promise<number> {
  const existing = new Set((await db.policy.findMany({ select: { id: true } })).map((p) => p.id));
  let created = 0;
  for (const p of DEFAULT_POLICIES) {
    if (existing.has(p.id)) continue;
    const { id, ...version } = p;
    try {
      await db.$transaction(async (tx) => {
        await tx.policy.create({
          data: { id, currentVersion: 1, versions: { create: { version: 1, mode: MODE, ...version } } },
        });
        await recordAudit(
          tx,
          { type: "system", label: "bootstrap" },
          {
            action: "policy.create",
            targetType: "policy",
            targetId: id,
            summary: `Installed default policy ${p.name} (${p.kind}, audit)`,
            data: { version: 1, ...version, mode: MODE },
          },
        );
      });
    } catch (error) {
      // Another replica's bootstrap installed it a moment ago.
      if ((error as { code?: unknown }).code === "P2002") continue;
      throw error;
    }
    created++;
  }
  return created;
}
