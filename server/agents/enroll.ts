import "server-only";
import { recordAudit } from "../audit";
import { conflictOnUnique, transaction } from "../db";
import { AppError, validationError } from "../errors";
import { resolveRegion } from "../satellites/register";
import { derivedColumns } from "../satellites/view";
import { publish } from "../bus";
import { forgetSatelliteTokens } from "./auth";
import { EnrollInput, EnrollSatellite } from "./schemas";
import { restartSequence, type SequenceReset } from "./sequence-reset";
import { AGENT_TOKEN_PREFIX, hashToken, JOIN_TOKEN_PATTERN, newToken, tokenHint } from "./tokens";

export type Enrolled = { satelliteId: string; agentToken: string; heartbeatIntervalSec: number };

const REFUSED = "Join token unknown, revoked, expired or used up.";

/** An agent trades a join token for its own agent token, shown once and stored only as a hash. */
export async function enrollAgent(input: unknown, ip?: string, now = new Date()): Promise<Enrolled> {
  const parsed = EnrollInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const body = parsed.data;
  if (!JOIN_TOKEN_PATTERN.test(body.joinToken)) throw new AppError("UNAUTHORIZED", REFUSED);
  const agentToken = newToken(AGENT_TOKEN_PREFIX);
  try {
    const enrolled = await transaction(async (tx) => {
      const join = await tx.joinToken.findUnique({ where: { tokenHash: hashToken(body.joinToken) } });
      if (!join || join.revokedAt || join.expiresAt <= now || join.uses >= join.maxUses) {
        throw new AppError("UNAUTHORIZED", REFUSED);
      }
      // Counted with a guard, so two agents racing for the last use cannot both win.
      const used = await tx.joinToken.updateMany({
        where: { id: join.id, uses: { lt: join.maxUses } },
        data: { uses: { increment: 1 } },
      });
      if (used.count === 0) throw new AppError("UNAUTHORIZED", REFUSED);

      let reenrolled: ({ revokedTokens: number } & SequenceReset) | null = null;
      let satelliteId: string;
      let slug: string;
      let intervalSec: number;
      if (join.satelliteId) {
        const s = await tx.satellite.findUnique({ where: { id: join.satelliteId } });
        if (!s || s.lifecycle === "decommissioned") throw new AppError("UNAUTHORIZED", REFUSED);
        await tx.satellite.update({
          where: { id: s.id },
          data: {
            agentVersion: body.agentVersion,
            stackVersion: body.stackVersion,
            lifecycle: s.lifecycle === "pending" ? "active" : s.lifecycle,
          },
        });
        // A new enrollment starts a new seq space, so an earlier agent still reporting would collide with
        // this one: its tokens stop at once (an admin wanting a gentle hand-over rotates instead).
        const earlier = await tx.agentCredential.updateMany({
          where: {
            satelliteId: s.id,
            revokedAt: null,
            OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
          },
          data: { revokedAt: now },
        });
        const hadCredentials = (await tx.agentCredential.count({ where: { satelliteId: s.id } })) > 0;
        if (hadCredentials) {
          const reset = await restartSequence(tx, s.id);
          reenrolled = { revokedTokens: earlier.count, ...reset };
        }
        ({ id: satelliteId, slug, heartbeatIntervalSec: intervalSec } = s);
      } else {
        if (body.satellite === undefined) {
          const message = "is required: this join token is not bound to a registered satellite";
          throw new AppError("VALIDATION", `satellite ${message}`, { fields: { satellite: message } });
        }
        const checked = EnrollSatellite.safeParse(body.satellite);
        if (!checked.success) throw validationError(checked.error, "satellite.");
        const s = checked.data;
        const labels = s.labels ?? {};
        const created = await tx.satellite.create({
          data: {
            slug: s.slug,
            name: s.name,
            kind: s.kind,
            provider: s.provider,
            city: s.city,
            country: s.country,
            lat: s.lat,
            lon: s.lon,
            regionId: await resolveRegion(tx, s.country),
            labels,
            ...derivedColumns({ ...s, labels }),
            cpuCores: s.capacity.cores,
            memoryGb: s.capacity.memoryGb,
            storageTb: s.capacity.storageTb,
            uplinkMbps: s.link.uplinkMbps,
            downlinkMbps: s.link.downlinkMbps,
            agentVersion: body.agentVersion,
            stackVersion: body.stackVersion,
            lifecycle: "active",
          },
        });
        ({ id: satelliteId, slug, heartbeatIntervalSec: intervalSec } = created);
      }
      await tx.agentCredential.create({
        data: { satelliteId, tokenHash: hashToken(agentToken), tokenHint: tokenHint(agentToken) },
      });
      const enrolledBy = `with join token ${join.tokenHint}${ip ? ` from ${ip}` : ""} (agent ${body.agentVersion}, stack ${body.stackVersion})`;
      await recordAudit(
        tx,
        { type: "agent", id: satelliteId, label: slug },
        reenrolled
          ? {
              action: "agent.reenroll",
              targetType: "satellite",
              targetId: satelliteId,
              summary: `${slug} enrolled again ${enrolledBy}; ${reenrolled.revokedTokens} earlier token(s) revoked, sequence restarted (was ${reenrolled.previousLastSeq ?? "none"}), ${reenrolled.archived} raw sample(s) archived`,
              data: {
                revokedTokens: reenrolled.revokedTokens,
                previousLastSeq: reenrolled.previousLastSeq?.toString() ?? null,
                archivedSamples: reenrolled.archived,
              },
            }
          : {
              action: "agent.enroll",
              targetType: "satellite",
              targetId: satelliteId,
              summary: `${slug} enrolled ${enrolledBy}`,
            },
      );
      return { satelliteId, agentToken, heartbeatIntervalSec: intervalSec };
    });
    forgetSatelliteTokens(enrolled.satelliteId);
    // A new or re-enrolled satellite's row changed: every process's fleet state reads it now.
    publish({ type: "fleet.changed", satelliteIds: [enrolled.satelliteId] });
    return enrolled;
  } catch (error) {
    const taken = (body.satellite as { slug?: unknown } | undefined)?.slug;
    conflictOnUnique(error, { slug: `satellite.slug: "${String(taken)}" is already taken` }, "satellite.");
  }
}
