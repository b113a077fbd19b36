// Test helpers for the satellites, commands and audit operations: real tokens through the tokens domain, and
// requests through the dispatcher exactly as the route hands them over.
import { ctxAs } from "../../../test/factories";
import type { Role } from "../../auth/policy";
import { createApiToken } from "../../tokens/create";
import { dispatch } from "../dispatch";

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A token's secret, for a new user of this role and scope; its name is the audit log's actor. */
export async function tokenFor(
  role: Role,
  regionIds?: string[],
  name = `${role} automation`,
): Promise<string> {
  const owner = await ctxAs(role, regionIds ?? []);
  return (await createApiToken(owner, { name, role, regionIds })).secret;
}

export function call(
  secret: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return dispatch(
    new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: {
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        "content-type": "application/json",
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

export async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

/** Every item of a list, following `next` to the end; `pages` counts the requests. */
export async function everyPage(secret: string, path: string): Promise<{ items: Json[]; pages: number }> {
  const items: Json[] = [];
  let next: string | null = path;
  let pages = 0;
  while (next !== null) {
    const res = await call(secret, "GET", next.replace(/^\/api\/v1/, ""));
    if (res.status !== 200) throw new Error(`${next} answered ${res.status}: ${await res.text()}`);
    const body = await json(res);
    items.push(...body.items);
    next = body.next;
    pages += 1;
    if (pages > 100) throw new Error("the list never ended");
  }
  return { items, pages };
}
