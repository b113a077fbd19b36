import { z } from "zod";
import { RULE_KINDS } from "@/lib/policies/kinds";
import { AppError } from "../../errors";
import {
  archivePolicy,
  createPolicy,
  CreatePolicyInput,
  updatePolicy,
  UpdatePolicyInput,
} from "../../policies/manage";
import {
  getPolicy,
  listPolicies,
  listWaivers,
  policyVersions,
  satellitePosture,
  type PolicySummary,
  type PolicyVersionView,
  type SatellitePosture,
  type WaiverView,
} from "../../policies/read";
import { createWaiver, CreateWaiverInput, revokeWaiver } from "../../policies/waiver-verbs";
import type { Ctx } from "../../auth/context";
import { op, type Operation } from "../operation";

// Dates travel as ISO text: the answers are the read functions' values as JSON.
type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
const wire = <T>(value: T): Wire<T> => JSON.parse(JSON.stringify(value)) as Wire<T>;

const idParams = z.object({ id: z.string().min(1).max(200) });
type IdParams = z.infer<typeof idParams>;
const TAGS: [string] = ["Policies"];
const WRITE = "Admins only (`policies.manage`); audited as";
const outcome = z.enum(["compliant", "violation", "unknown"]);
const counts = z.object({
  compliant: z.number().int(),
  violation: z.number().int(),
  unknown: z.number().int(),
  waived: z.number().int(),
  total: z.number().int(),
  percent: z
    .number()
    .nullable()
    .meta({ description: "Compliant share of all results; waived never count as compliant." }),
});
const versionFields = {
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(RULE_KINDS as [string, ...string[]]),
  params: z.record(z.string(), z.unknown()),
  scope: z
    .record(z.string(), z.unknown())
    .meta({ description: "`{ all: true }` or `{ regions, kinds, labels }`." }),
  severity: z.enum(["low", "medium", "high", "critical"]),
  mode: z.enum(["audit", "enforce"]),
  frameworks: z.array(z.string()),
};
const policySchema = z
  .object({
    id: z.string(),
    ...versionFields,
    archivedAt: z.string().nullable(),
    updatedAt: z.string(),
    counts,
  })
  .meta({ id: "Policy" }) as unknown as z.ZodType<Wire<PolicySummary>>;
const versionSchema = z
  .object({
    policyId: z.string(),
    ...versionFields,
    createdAt: z.string(),
    createdById: z.string().nullable(),
  })
  .meta({ id: "PolicyVersion" }) as unknown as z.ZodType<Wire<PolicyVersionView>>;
const waiverSchema = z
  .object({
    id: z.string(),
    policyId: z.string(),
    satelliteId: z.string().nullable(),
    satelliteSlug: z.string().nullable(),
    labels: z.array(z.string()).meta({ description: "`key=value` pairs of a selector waiver." }),
    reason: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    expiryAudited: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    state: z.enum(["live", "expired", "revoked"]),
  })
  .meta({ id: "PolicyWaiver" }) as unknown as z.ZodType<Wire<WaiverView>>;
const postureSchema = z
  .object({
    satelliteId: z.string(),
    slug: z.string(),
    regionId: z.string(),
    rows: z.array(
      z.object({
        policyId: z.string(),
        name: z.string(),
        kind: z.string(),
        severity: z.string(),
        mode: z.string(),
        frameworks: z.array(z.string()),
        version: z.number().int(),
        outcome: z.enum(["compliant", "violation", "unknown", "waived"]),
        result: outcome,
        reason: z.string(),
        since: z.string(),
        evaluatedAt: z.string(),
        waiver: z.object({ id: z.string(), reason: z.string(), expiresAt: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: "SatellitePosture" }) as unknown as z.ZodType<Wire<SatellitePosture>>;

const yes = (v: unknown) => v === "true" || v === "1";
const one = (v: unknown) => (typeof v === "string" && v ? v : undefined);

async function waiverById(ctx: Ctx, id: string): Promise<Wire<WaiverView>> {
  const found = (await listWaivers(ctx, { includeEnded: true })).find((w) => w.id === id);
  if (!found) throw new AppError("NOT_FOUND", `No waiver ${id}.`);
  return wire(found);
}

export const policyOps: Operation[] = [
  op<Record<string, string>, { items: Wire<PolicySummary>[]; next: null }>({
    method: "GET",
    path: "/policies",
    id: "listPolicies",
    permission: "compliance.read",
    summary: "List policies",
    description:
      "Each policy at its current version with its results counted by outcome (a region-scoped caller counts their regions). `includeArchived=true` lists archived ones too.",
    tags: TAGS,
    query: z.object({ includeArchived: z.enum(["true", "false"]).optional() }),
    response: z.object({ items: z.array(policySchema), next: z.null() }),
    handler: async (ctx, { query }) => ({
      items: wire(await listPolicies(ctx, { includeArchived: yes(query.includeArchived) })),
      next: null,
    }),
  }),
  op<IdParams, Wire<PolicySummary>>({
    method: "GET",
    path: "/policies/{id}",
    id: "getPolicy",
    permission: "compliance.read",
    summary: "Get a policy",
    description: "Its current version and result counts. The ETag is what `If-Match` names on an update.",
    tags: TAGS,
    params: idParams,
    response: policySchema,
    handler: async (ctx, { params }) => wire(await getPolicy(ctx, params.id)),
  }),
  op<IdParams, { items: Wire<PolicyVersionView>[]; next: null }>({
    method: "GET",
    path: "/policies/{id}/versions",
    id: "listPolicyVersions",
    permission: "compliance.read",
    summary: "List a policy's versions",
    description: "Every version, newest first: a change writes a new version and never edits one in place.",
    tags: TAGS,
    params: idParams,
    response: z.object({ items: z.array(versionSchema), next: z.null() }),
    handler: async (ctx, { params }) => ({ items: wire(await policyVersions(ctx, params.id)), next: null }),
  }),
  op<Record<string, string>, Wire<PolicySummary>>({
    method: "POST",
    path: "/policies",
    id: "createPolicy",
    permission: "policies.manage",
    summary: "Create a policy",
    description: `${WRITE} policy.create. A rule kind with its parameters, a scope, a severity, a mode (\`audit\` reports; \`enforce\` also refuses rollouts and commands that leave a violation in place) and the frameworks it evidences.`,
    tags: TAGS,
    status: 201,
    body: CreatePolicyInput.meta({ id: "CreatePolicy" }),
    response: policySchema,
    handler: async (ctx, { body }) => wire(await getPolicy(ctx, (await createPolicy(ctx, body)).id)),
  }),
  op<IdParams, Wire<PolicySummary>>({
    method: "PATCH",
    path: "/policies/{id}",
    id: "updatePolicy",
    permission: "policies.manage",
    summary: "Change a policy",
    description: `${WRITE} policy.update. Writes the next version from the current one and the fields given; an unchanged input writes nothing. A changed kind starts from empty parameters unless \`params\` are given.`,
    tags: TAGS,
    params: idParams,
    body: UpdatePolicyInput.meta({ id: "UpdatePolicy" }),
    response: policySchema,
    current: (ctx, params) => getPolicy(ctx, params.id),
    handler: async (ctx, { params, body }) => {
      await updatePolicy(ctx, params.id, body);
      return wire(await getPolicy(ctx, params.id));
    },
  }),
  op<IdParams, Wire<PolicySummary>>({
    method: "POST",
    path: "/policies/{id}/archive",
    id: "archivePolicy",
    permission: "policies.manage",
    summary: "Archive a policy",
    description: `${WRITE} policy.archive. It is no longer evaluated; its results leave the posture on the next pass and its history stays.`,
    tags: TAGS,
    params: idParams,
    response: policySchema,
    handler: async (ctx, { params }) => {
      await archivePolicy(ctx, params.id);
      return wire(await getPolicy(ctx, params.id));
    },
  }),
  op<Record<string, string>, { items: Wire<WaiverView>[]; next: null }>({
    method: "GET",
    path: "/policy-waivers",
    id: "listPolicyWaivers",
    permission: "compliance.read",
    summary: "List policy waivers",
    description:
      "Live waivers, soonest to expire first (at most 1000). Filters: `policyId`, `satelliteId`; `includeEnded=true` adds expired and revoked ones.",
    tags: TAGS,
    query: z.object({
      policyId: z.string().optional(),
      satelliteId: z.string().optional(),
      includeEnded: z.enum(["true", "false"]).optional(),
    }),
    response: z.object({ items: z.array(waiverSchema), next: z.null() }),
    handler: async (ctx, { query }) => ({
      items: wire(
        await listWaivers(ctx, {
          policyId: one(query.policyId),
          satelliteId: one(query.satelliteId),
          includeEnded: yes(query.includeEnded),
        }),
      ),
      next: null,
    }),
  }),
  op<Record<string, string>, Wire<WaiverView>>({
    method: "POST",
    path: "/policy-waivers",
    id: "createPolicyWaiver",
    permission: "policies.manage",
    summary: "Waive a policy",
    description: `${WRITE} policy.waiver-create. For one satellite (\`satelliteId\`, an id or slug) or every satellite matching \`labels\`, with a reason, until \`expiresAt\` (at most 180 days ahead). Waived results read as waived and never count as compliant; expiry is automatic and audited.`,
    tags: TAGS,
    status: 201,
    body: CreateWaiverInput.meta({ id: "CreatePolicyWaiver" }),
    response: waiverSchema,
    handler: async (ctx, { body }) => waiverById(ctx, (await createWaiver(ctx, body)).id),
  }),
  op<IdParams, Wire<WaiverView>>({
    method: "POST",
    path: "/policy-waivers/{id}/revoke",
    id: "revokePolicyWaiver",
    permission: "policies.manage",
    summary: "Revoke a policy waiver",
    description: `${WRITE} policy.waiver-revoke. The policy counts against its satellites again at once.`,
    tags: TAGS,
    params: idParams,
    response: waiverSchema,
    handler: async (ctx, { params }) => {
      await revokeWaiver(ctx, params.id);
      return waiverById(ctx, params.id);
    },
  }),
  op<IdParams, Wire<SatellitePosture>>({
    method: "GET",
    path: "/satellites/{id}/policy-results",
    id: "getSatellitePolicyResults",
    permission: "compliance.read",
    summary: "Get a satellite's policy results",
    description:
      "Each policy's result for the satellite (or `waived`), the reason, and since when it has held.",
    tags: TAGS,
    params: idParams,
    response: postureSchema,
    handler: async (ctx, { params }) => wire(await satellitePosture(ctx, params.id)),
  }),
];
