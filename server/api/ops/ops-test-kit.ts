import "server-only";
import type { Ctx } from "../../auth/context";
import type { Role } from "../../auth/policy";
import { createApiToken } from "../../tokens/tokens";
import { dispatch } from "../dispatch";
import { compile } from "../match";
import type { Operation } from "../operation";

// Test helpers for the operation tests: real tokens through the tokens domain, requests through dispatch().

export type Answer = {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
};

/** A real API token for the person in `ctx`, with their role unless another is asked. */
export async function tokenOf(ctx: Ctx & { actor: { role: Role } }, role?: Role): Promise<string> {
  const created = await createApiToken(ctx, { name: `test ${Math.random()}`, role: role ?? ctx.actor.role });
  return created.secret;
}

export function apiClient(ops: Operation[]) {
  const table = compile(ops);
  return async function call(
    method: string,
    path: string,
    opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const body =
      opts.body === undefined
        ? undefined
        : typeof opts.body === "string"
          ? opts.body
          : JSON.stringify(opts.body);
    const res = await dispatch(
      new Request(`http://localhost/api/v1${path}`, { method, headers, body }),
      table,
    );
    const text = await res.text();
    let json: unknown = text;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the test sees the text.
    }
    return { status: res.status, headers: res.headers, body: json };
  };
}

/** Every item of a list, following `next` to the end, with the pages' sizes. */
export async function readAll(call: ReturnType<typeof apiClient>, path: string, token: string) {
  const items: { id: string }[] = [];
  const sizes: number[] = [];
  let next: string | null = path;
  while (next) {
    const page = await call("GET", next.replace(/^\/api\/v1/, ""), { token });
    if (page.status !== 200) throw new Error(`${next}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    sizes.push(page.body.items.length);
    next = page.body.next;
  }
  return { items, sizes };
}
