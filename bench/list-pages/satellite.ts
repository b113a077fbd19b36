// A satellite's page (app/(console)/satellites/[id]/page.tsx), with the compliance section it renders, as an
// operator (who may command) and for a satellite that never reported (the enrollment card instead).
import { loadSatellitePosture } from "../../app/(console)/compliance/_lib/load";
import { mayDo, type Ctx } from "../../server/auth/context";
import { commandRefusal } from "../../server/commands/issue";
import { listCommands } from "../../server/commands/list";
import { getSatelliteFacts } from "../../server/facts/get";
import { versionsOf } from "../../server/live/versions";
import { listReleases } from "../../server/releases/list";
import { enrollmentOf } from "../../server/satellites/enrollment";
import { getSatellite } from "../../server/satellites/get";
import { connectivityHistory } from "../../server/satellites/history";
import { telemetryStartedAt } from "../../server/satellites/telemetry";
import type { PageBench } from "./types";

async function satellitePage(ctx: Ctx, id: string) {
  await versionsOf(ctx, `satellite:${id}`);
  const now = new Date();
  const s = await getSatellite(ctx, id, now);
  await connectivityHistory(ctx, s.id, 15);
  const isNeverSeen = s.connectivity === "never_seen" && s.lifecycle !== "decommissioned";
  const mayCommand = mayDo(ctx, "commands.write");
  const refusal = !mayCommand || isNeverSeen ? "no" : commandRefusal(ctx, [s]);
  await Promise.all([
    listCommands(ctx, { satellite: s.slug, limit: 10 }),
    mayCommand && !refusal ? listReleases(ctx) : Promise.resolve([]),
    telemetryStartedAt(ctx, s.id),
    isNeverSeen ? enrollmentOf(ctx, s.id) : Promise.resolve(null),
  ]);
  // The compliance section renders after the page's own reads (a nested server component).
  if (mayDo(ctx, "compliance.read")) {
    await Promise.all([getSatelliteFacts(ctx, s.id), loadSatellitePosture(ctx, s.id)]);
  }
}

const pages: PageBench[] = [
  { name: "satellite", run: ({ operator, ids }) => satellitePage(operator, ids.satellite) },
  {
    name: "satellite: never seen",
    run: ({ operator, ids }) => satellitePage(operator, ids.neverSeenSatellite),
  },
];

export default pages;
