import { parseInput } from "../../errors";
import { listMaintenancePage, maintenanceKey } from "../../incidents/feed";
import { cancelMaintenance, scheduleMaintenance } from "../../incidents/maintenance";
import { getMaintenance, type MaintenanceView } from "../../incidents/maintenance-read";
import { op, type Operation } from "../operation";
import { decodeCursor, listOf, pageFrom, pageQuery, type ListPage } from "../pagination";
import { maintenanceListQuery, maintenanceSchema, scheduleMaintenanceBody } from "../schemas/incidents";
import { cursorKey, idParams, type IdParams } from "./incident-common";

const TAGS: [string] = ["Maintenance"];
const WRITE =
  "Operators and admins (`incidents.write`); a region-scoped caller only for satellites in its scope.";

export const maintenanceOps: Operation[] = [
  op<Record<string, string>, ListPage<MaintenanceView>>({
    method: "GET",
    path: "/maintenance",
    id: "listMaintenance",
    summary: "List maintenance windows",
    description:
      "Any role may read them. With `phase`, in the console's order: `active` ending soonest first, " +
      "`upcoming` starting soonest first, `past` (over or cancelled) latest first; without it, every window " +
      "latest first. `region` keeps windows with a satellite in that region.",
    tags: TAGS,
    query: maintenanceListQuery,
    response: listOf(maintenanceSchema),
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const key = decodeCursor(cursor, cursorKey);
      const after = key && { at: key[0], id: key[1] };
      const { phase, items } = await listMaintenancePage(ctx, query, { limit, after });
      return pageFrom(items, limit, (w) => Object.values(maintenanceKey(w, phase)), req.url);
    },
  }),
  op<IdParams, MaintenanceView>({
    method: "GET",
    path: "/maintenance/{id}",
    id: "getMaintenance",
    summary: "Get a maintenance window",
    description: "Any role may read it; `state` says where it stands now.",
    tags: TAGS,
    params: idParams,
    response: maintenanceSchema,
    handler: (ctx, { params }) => getMaintenance(ctx, params.id),
  }),
  op<Record<string, string>, MaintenanceView>({
    method: "POST",
    path: "/maintenance",
    id: "scheduleMaintenance",
    summary: "Schedule maintenance",
    description:
      `${WRITE} Times without an offset are UTC; the start may not be in the past. Affected satellites show ` +
      "as under maintenance on status pages while it runs. Audited as maintenance.schedule.",
    tags: TAGS,
    status: 201,
    body: scheduleMaintenanceBody,
    response: maintenanceSchema,
    handler: async (ctx, { body }) => getMaintenance(ctx, (await scheduleMaintenance(ctx, body)).id),
  }),
  op<IdParams, MaintenanceView>({
    method: "POST",
    path: "/maintenance/{id}/cancel",
    id: "cancelMaintenance",
    summary: "Cancel maintenance",
    description:
      `${WRITE} A window that has not started is cancelled; one under way is ended now, since the work did ` +
      "happen; one that is over is refused (412). Answers the window as it now is. Audited as " +
      "maintenance.cancel or maintenance.end.",
    tags: TAGS,
    params: idParams,
    response: maintenanceSchema,
    current: (ctx, params) => getMaintenance(ctx, params.id),
    handler: async (ctx, { params }) => getMaintenance(ctx, (await cancelMaintenance(ctx, params)).id),
  }),
];
