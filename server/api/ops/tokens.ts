import { z } from "zod";
import { parseInput } from "../../errors";
import type { ApiTokenView, CreatedApiToken } from "../../tokens/schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "../../tokens/tokens";
import { op, type Operation } from "../operation";
import { pathId } from "./incident-common";
import { listOf, pageQuery, type ListPage } from "../pagination";
import {
  apiTokenListQuery,
  apiTokenSchema,
  createApiTokenBody,
  createdApiTokenSchema,
  revokeApiTokenQuery,
} from "../schemas/people";
import { pageOfAll } from "./page-in-memory";

const idParams = z.object({ id: pathId });
type IdParams = z.infer<typeof idParams>;
const TAGS: [string] = ["API tokens"];
/** The most tokens one list reads; newest first, so older ones beyond it are not listed. */
const MAX_LISTED = 500;

export const tokenOps: Operation[] = [
  op<Record<string, string>, ListPage<ApiTokenView>>({
    method: "GET",
    path: "/tokens",
    id: "listApiTokens",
    summary: "List API tokens",
    description:
      "Newest first, never with their secrets. Anyone lists their own; an admin (`tokens.manage`) one user's " +
      "with `userId`, or everyone's with `all=true`.",
    tags: TAGS,
    query: apiTokenListQuery,
    response: listOf(apiTokenSchema),
    handler: async (ctx, { query, req }) => {
      const page = parseInput(pageQuery, query);
      const tokens = await listApiTokens(ctx, { ...query, limit: MAX_LISTED });
      return pageOfAll(tokens, page, (t) => `${t.createdAt}|${t.id}`, req.url, "desc");
    },
  }),
  op<Record<string, string>, CreatedApiToken>({
    method: "POST",
    path: "/tokens",
    id: "createApiToken",
    secretInAnswer: true,
    summary: "Create an API token",
    description:
      "Answers the secret this once. Its role is at most yours (and its owner's), its regions within both " +
      "scopes, its expiry 90 days unless `expiresInDays` (at most 365). An admin may name another owner with " +
      "`userId`; a token may create only a weaker, shorter-lived one for its own user. Audited as " +
      "apiToken.create.",
    tags: TAGS,
    status: 201,
    body: createApiTokenBody,
    response: createdApiTokenSchema,
    handler: (ctx, { body }) => createApiToken(ctx, body),
  }),
  op<IdParams, ApiTokenView>({
    method: "DELETE",
    path: "/tokens/{id}",
    id: "revokeApiToken",
    summary: "Revoke an API token",
    description:
      "Its owner or an admin. The next request with it is refused, on every replica. Answers the revoked " +
      "token; revoking it again changes nothing. Audited as apiToken.revoke.",
    tags: TAGS,
    params: idParams,
    query: revokeApiTokenQuery,
    response: apiTokenSchema,
    handler: (ctx, { params, query }) => revokeApiToken(ctx, params.id, query.reason),
  }),
];
