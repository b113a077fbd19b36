import { z } from "zod";
import { cancelCommand } from "../../commands/cancel";
import { issueCommands, previewCommandTarget, type CommandTargetPreview } from "../../commands/issue";
import type { CommandView } from "../../commands/list";
import { commandIdsOfBatch, getCommand, listCommandPage } from "../../commands/page";
import { parseInput } from "../../errors";
import { op, type Operation } from "../operation";
import { decodeCursor, pageFrom, pageQuery, type ListPage } from "../pagination";
import {
  commandListQuery,
  commandListSchema,
  commandPreviewSchema,
  commandSchema,
  issueCommandsBody,
  issuedCommandsSchema,
  type IssuedCommandsAnswer,
} from "../schemas/commands";

const idParams = z.object({ id: z.string().min(1).max(200) });
type IdParams = z.infer<typeof idParams>;
const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

const TAGS: [string] = ["Commands"];
const SCOPE =
  "Operators and admins. Region-scoped: if any targeted satellite lies outside the " +
  "caller's regions, the whole request is refused (403) and nothing is queued.";
const TARGET =
  "`target` is either `satelliteIds` (one or more) or `filter`, the Satellites list's filters as an object " +
  '(`{ "region": "eu-gdpr", "kind": "edge" }`), at most 5,000 satellites; decommissioned ones take no ' +
  "commands. A `stack.upgrade` (or a `stack.rollback` naming a version) is refused for a satellite whose " +
  "region the release is not certified for.";

export const commandOps: Operation[] = [
  op<Record<string, string>, ListPage<CommandView>>({
    method: "GET",
    path: "/commands",
    id: "listCommands",
    permission: "commands.read",
    summary: "List commands",
    description:
      "Newest first, with the Commands list's filters: `state` (comma-separated), `type`, `satellite` (a " +
      "slug), `issuer` (an email), `rollout` (an id) and `batch` (the key one issue answered). Any role may " +
      "read commands.",
    tags: TAGS,
    query: commandListQuery,
    response: commandListSchema,
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const key = decodeCursor(cursor, cursorKey);
      const after = key && { issuedAt: key[0], id: key[1] };
      const rows = await listCommandPage(ctx, query, { limit, after });
      return pageFrom(rows, limit, (c) => [c.issuedAt, c.id], req.url);
    },
  }),
  op<IdParams, CommandView>({
    method: "GET",
    path: "/commands/{id}",
    id: "getCommand",
    permission: "commands.read",
    summary: "Get a command",
    description:
      "Its state, deliveries and the agent's result. Any role may read it; poll it to wait for the end.",
    tags: TAGS,
    params: idParams,
    response: commandSchema,
    handler: (ctx, { params }) => getCommand(ctx, params.id),
  }),
  op<Record<string, string>, CommandTargetPreview>({
    method: "POST",
    path: "/commands/preview",
    id: "previewCommands",
    permission: "commands.write",
    summary: "Preview whom a command would reach",
    description:
      `The console's confirmation step: how many satellites the target holds and where, refused exactly ` +
      `as the issue would be, and nothing is queued. Send the \`total\` back as \`expectedCount\` to issue ` +
      `only if the selection has not changed since. ${SCOPE} ${TARGET}`,
    tags: TAGS,
    body: issueCommandsBody,
    response: commandPreviewSchema,
    handler: (ctx, { body }) => previewCommandTarget(ctx, body),
  }),
  op<Record<string, string>, IssuedCommandsAnswer>({
    method: "POST",
    path: "/commands",
    id: "issueCommands",
    permission: "commands.write",
    summary: "Issue a command",
    description:
      `One command per targeted satellite, all or none, each delivered on its satellite's next heartbeat; ` +
      `follow them with \`GET /commands/{id}\`. ${SCOPE} ${TARGET} With \`expectedCount\`, a selection that ` +
      "now holds another number of satellites is refused with 409. The body's `idempotencyKey` makes a " +
      "retry queue nothing new. Audited as command.issue, and command.issue-bulk for a filter or several " +
      "satellites, with the `reason`.",
    tags: TAGS,
    status: 202,
    body: issueCommandsBody,
    response: issuedCommandsSchema,
    handler: async (ctx, { body }) => {
      const issued = await issueCommands(ctx, body);
      return { ...issued, commandIds: await commandIdsOfBatch(ctx, issued.idempotencyKey) };
    },
  }),
  op<IdParams, CommandView>({
    method: "POST",
    path: "/commands/{id}/cancel",
    id: "cancelCommand",
    permission: "commands.write",
    summary: "Cancel a command",
    description:
      "Only while it is queued and was never delivered; otherwise 409. Operators and admins, " +
      "within their region scope. Answers the command as it now is. Audited as " +
      "command.cancel.",
    tags: TAGS,
    params: idParams,
    response: commandSchema,
    current: (ctx, params) => getCommand(ctx, params.id),
    handler: async (ctx, { params }) => getCommand(ctx, (await cancelCommand(ctx, params.id)).id),
  }),
];
