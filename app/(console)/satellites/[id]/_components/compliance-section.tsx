import { loadSatellitePosture } from "@/app/(console)/compliance/_lib/load";
import type { PostureRowView } from "@/components/compliance/types";
import { mayDo, type Ctx } from "@/server/auth/context";
import { isAppError } from "@/server/errors";
import { getSatelliteFacts } from "@/server/facts/get";
import { ComplianceCard } from "./compliance-card";

/** The satellite's posture and host facts; nothing for a role without compliance.read. */
export async function ComplianceSection({
  ctx,
  satelliteId,
  slug,
  now,
}: {
  ctx: Ctx;
  satelliteId: string;
  slug: string;
  now: Date;
}) {
  if (!mayDo(ctx, "compliance.read")) return null;
  const [facts, rows] = await Promise.all([getSatelliteFacts(ctx, satelliteId), postureOf(ctx, satelliteId)]);
  return (
    <ComplianceCard
      rows={rows}
      facts={facts}
      now={now}
      waiveAs={mayDo(ctx, "policies.manage") ? slug : null}
    />
  );
}

/** A reader scoped to other regions is not shown this satellite's results (null: the card says so). */
async function postureOf(ctx: Ctx, satelliteId: string): Promise<PostureRowView[] | null> {
  try {
    return await loadSatellitePosture(ctx, satelliteId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
