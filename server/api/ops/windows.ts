import { z } from "zod";
import { AppError } from "../../errors";
import { createWindow, deleteWindow, setWindowEnabled, updateWindow } from "../../windows/crud";
import { CreateWindowInput, EnableWindowInput, UpdateWindowInput } from "../../windows/schemas";
import { getWindow, listWindows, type WindowView } from "../../windows/view";
import type { Ctx } from "../../auth/context";
import { op, type Operation } from "../operation";
import { objectWithId } from "./rollout-input";

const idParams = z.object({ id: z.string().min(1).max(200) });
type IdParams = z.infer<typeof idParams>;
const TAGS: [string] = ["Deployment windows"];
const WRITE = "Admins only (`windows.manage`); audited as window.";

const scopeSchema = z
  .union([
    z.object({ all: z.literal(true) }),
    z.object({
      regions: z.array(z.string()).optional(),
      labels: z.array(z.string()).optional(),
      satelliteIds: z.array(z.string()).optional(),
    }),
  ])
  .meta({ description: "The whole fleet, or regions and labels (intersected) plus listed satellites." });

export const windowSchema: z.ZodType<WindowView> = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["allow", "freeze"]),
    rrule: z.string().meta({ description: "RRULE text; DTSTART is wall time in the window's zone." }),
    durationMin: z.number().int(),
    timeZone: z
      .string()
      .nullable()
      .meta({ description: "An IANA zone; null: each satellite's own, from its location." }),
    scope: scopeSchema,
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    summary: z.string(),
    scopeText: z.string(),
    next: z.string().meta({ description: "The next or current occurrence, in words." }),
    nextStart: z.string().nullable(),
  })
  .meta({ id: "DeploymentWindow" });

async function found(ctx: Ctx, id: string): Promise<WindowView> {
  const window = await getWindow(ctx, id);
  if (!window) throw new AppError("NOT_FOUND", "No such deployment window.");
  return window;
}

export const windowOps: Operation[] = [
  op<Record<string, string>, { items: WindowView[]; next: null }>({
    method: "GET",
    path: "/windows",
    id: "listWindows",
    permission: "rollouts.read",
    summary: "List deployment windows",
    description:
      "Every allow window and freeze, newest first, with its next occurrence in words. Short enough for one page.",
    tags: TAGS,
    response: z.object({ items: z.array(windowSchema), next: z.null() }),
    handler: async (ctx) => ({ items: await listWindows(ctx), next: null }),
  }),
  op<IdParams, WindowView>({
    method: "GET",
    path: "/windows/{id}",
    id: "getWindow",
    permission: "rollouts.read",
    summary: "Get a deployment window",
    description: "Anyone who may read rollouts may read when changes are allowed.",
    tags: TAGS,
    params: idParams,
    response: windowSchema,
    handler: (ctx, { params }) => found(ctx, params.id),
  }),
  op<Record<string, string>, WindowView>({
    method: "POST",
    path: "/windows",
    id: "createWindow",
    permission: "windows.manage",
    summary: "Create a deployment window",
    description: `${WRITE}create. An allow window lets changes happen only inside it; a freeze never inside it, and wins over an allow window it overlaps. Rollouts wait for it and commands are held until it opens.`,
    tags: TAGS,
    status: 201,
    body: CreateWindowInput.meta({ id: "CreateDeploymentWindow" }),
    response: windowSchema,
    handler: (ctx, { body }) => createWindow(ctx, body),
  }),
  op<IdParams, WindowView>({
    method: "PUT",
    path: "/windows/{id}",
    id: "updateWindow",
    permission: "windows.manage",
    summary: "Replace a deployment window",
    description: `${WRITE}update. Every field is given again, as the console's form sends it.`,
    tags: TAGS,
    params: idParams,
    body: UpdateWindowInput.meta({ id: "UpdateDeploymentWindow" }),
    response: windowSchema,
    current: (ctx, params) => found(ctx, params.id),
    handler: (ctx, { params, body }) => updateWindow(ctx, objectWithId(body, params.id)),
  }),
  op<IdParams, WindowView>({
    method: "POST",
    path: "/windows/{id}/enable",
    id: "setWindowEnabled",
    permission: "windows.manage",
    summary: "Enable or disable a deployment window",
    description: `${WRITE}enable or window.disable. A disabled window holds nothing.`,
    tags: TAGS,
    params: idParams,
    body: EnableWindowInput.omit({ id: true }).meta({ id: "EnableDeploymentWindow" }),
    response: windowSchema,
    handler: (ctx, { params, body }) => setWindowEnabled(ctx, objectWithId(body, params.id)),
  }),
  op<IdParams, void>({
    method: "DELETE",
    path: "/windows/{id}",
    id: "deleteWindow",
    permission: "windows.manage",
    summary: "Delete a deployment window",
    description: `${WRITE}delete.`,
    tags: TAGS,
    params: idParams,
    status: 204,
    current: (ctx, params) => found(ctx, params.id),
    handler: async (ctx, { params }) => {
      await deleteWindow(ctx, { id: params.id });
    },
  }),
];
