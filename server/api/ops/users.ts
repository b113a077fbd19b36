import { z } from "zod";
import type { Ctx } from "../../auth/context";
import { AppError, parseInput } from "../../errors";
import { createUser, listUsers, setUserDisabled, updateUser, type UserView } from "../../users/users";
import { op, type Operation } from "../operation";
import { pathId } from "./incident-common";
import { listOf, pageQuery, type ListPage } from "../pagination";
import { createUserBody, updateUserBody, userSchema } from "../schemas/people";
import { bodyWith } from "./body-with";
import { pageOfAll } from "./page-in-memory";

const idParams = z.object({ id: pathId });
type IdParams = z.infer<typeof idParams>;
const TAGS: [string] = ["Users"];
const ADMIN = "Admins only (`users.manage`).";

/** One user as the list shows it; the list verb authorizes. */
async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  const user = (await listUsers(ctx)).find((u) => u.id === id);
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

const setDisabled = (isDisabled: boolean) =>
  op<IdParams, UserView>({
    method: "POST",
    path: `/users/{id}/${isDisabled ? "disable" : "enable"}`,
    id: isDisabled ? "disableUser" : "enableUser",
    summary: isDisabled ? "Disable a user" : "Enable a user",
    description: isDisabled
      ? `${ADMIN} Ends the user's sessions and revokes their API tokens at once; you cannot disable yourself. Audited as user.disable.`
      : `${ADMIN} The user may sign in again; revoked API tokens stay revoked. Audited as user.enable.`,
    tags: TAGS,
    params: idParams,
    response: userSchema,
    current: (ctx, params) => getUser(ctx, params.id),
    handler: (ctx, { params }) => setUserDisabled(ctx, { id: params.id, isDisabled }),
  });

export const userOps: Operation[] = [
  op<Record<string, string>, ListPage<UserView>>({
    method: "GET",
    path: "/users",
    id: "listUsers",
    summary: "List users",
    description: `${ADMIN} By email.`,
    tags: TAGS,
    query: pageQuery,
    response: listOf(userSchema),
    handler: async (ctx, { query, req }) => {
      const page = parseInput(pageQuery, query);
      return pageOfAll(await listUsers(ctx), page, (u) => u.email, req.url);
    },
  }),
  op<IdParams, UserView>({
    method: "GET",
    path: "/users/{id}",
    id: "getUser",
    summary: "Get a user",
    description: ADMIN,
    tags: TAGS,
    params: idParams,
    response: userSchema,
    handler: (ctx, { params }) => getUser(ctx, params.id),
  }),
  op<Record<string, string>, UserView>({
    method: "POST",
    path: "/users",
    id: "createUser",
    summary: "Create a user",
    description: `${ADMIN} With a role, optional regions (none: every region) and a password of at least 12 characters. Audited as user.create.`,
    tags: TAGS,
    status: 201,
    body: createUserBody,
    response: userSchema,
    handler: (ctx, { body }) => createUser(ctx, body),
  }),
  op<IdParams, UserView>({
    method: "PATCH",
    path: "/users/{id}",
    id: "updateUser",
    summary: "Update a user",
    description:
      `${ADMIN} Name, role and regions (an empty list: every region). A role or scope change ends the ` +
      "user's sessions and revokes API tokens that now reach beyond it; you cannot drop your own admin role. " +
      "Audited as user.update.",
    tags: TAGS,
    params: idParams,
    body: updateUserBody,
    response: userSchema,
    current: (ctx, params) => getUser(ctx, params.id),
    handler: (ctx, { params, body }) => updateUser(ctx, bodyWith(body, { id: params.id })),
  }),
  setDisabled(true),
  setDisabled(false),
];
