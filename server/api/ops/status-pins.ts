import { z } from "zod";
import { AppError } from "../../errors";
import { getStatusPage } from "../../status/pages";
import { clearPin, listPins, pinComponent, type StatusPinView } from "../../status/pins";
import { op, type Operation } from "../operation";
import { pathId } from "./incident-common";
import { pinBody, statusPinSchema } from "../schemas/status-pages";
import { bodyWith } from "./body-with";

const ADMIN = "Admins only (`status-pages.manage`).";
const TAGS: [string] = ["Status pages"];
const pageParams = z.object({ id: pathId });
const pinParams = pageParams.extend({ pinId: pathId });
type PageParams = z.infer<typeof pageParams>;
type PinParams = z.infer<typeof pinParams>;

/** The page's pins, 404 when there is no such page (listPins alone would answer an empty list). */
async function pinsOf(ctx: Parameters<typeof listPins>[0], id: string): Promise<StatusPinView[]> {
  await getStatusPage(ctx, id);
  return listPins(ctx, id);
}

async function pinOf(ctx: Parameters<typeof listPins>[0], params: PinParams): Promise<StatusPinView> {
  const pin = (await pinsOf(ctx, params.id)).find((p) => p.id === params.pinId);
  if (!pin) throw new AppError("NOT_FOUND", "No such pin on this status page in the last week.");
  return pin;
}

export const statusPinOps: Operation[] = [
  op<PageParams, { items: StatusPinView[]; next: null }>({
    method: "GET",
    path: "/status-pages/{id}/pins",
    id: "listStatusPins",
    summary: "List a page's pins",
    description: `${ADMIN} Pins in force first, then those of the last week, newest first (at most 50).`,
    tags: TAGS,
    params: pageParams,
    response: z.object({ items: z.array(statusPinSchema), next: z.null() }),
    handler: async (ctx, { params }) => ({ items: await pinsOf(ctx, params.id), next: null }),
  }),
  op<PageParams, StatusPinView>({
    method: "POST",
    path: "/status-pages/{id}/pins",
    id: "pinStatusComponent",
    summary: "Pin a region's status",
    description:
      `${ADMIN} Shows the status for the region at once, above everything else, for a while (at most 7 ` +
      "days) with a reason; replaces the region's pin before. Audited as status-page.pin.",
    tags: TAGS,
    status: 201,
    params: pageParams,
    body: pinBody,
    response: statusPinSchema,
    handler: async (ctx, { params, body }) => {
      const { id } = await pinComponent(ctx, bodyWith(body, { statusPageId: params.id }));
      return pinOf(ctx, { id: params.id, pinId: id });
    },
  }),
  op<PinParams, StatusPinView>({
    method: "DELETE",
    path: "/status-pages/{id}/pins/{pinId}",
    id: "clearStatusPin",
    summary: "Clear a pin early",
    description: `${ADMIN} The region goes back to what its satellites, incidents and maintenance say. Answers the ended pin. Audited as status-page.unpin.`,
    tags: TAGS,
    params: pinParams,
    response: statusPinSchema,
    handler: async (ctx, { params }) => {
      await pinOf(ctx, params);
      await clearPin(ctx, { id: params.pinId });
      return pinOf(ctx, params);
    },
  }),
];
