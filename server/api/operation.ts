import type { z } from "zod";
import type { Ctx } from "../auth/context";
import type { Permission } from "../auth/policy";

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export type OpInput<P, Q, B> = {
  /** Path parameters, parsed with the operation's `params` schema. */
  params: P;
  /** The query string as a plain object (repeated keys become arrays); the verb parses it. */
  query: Q;
  /** The parsed JSON body, handed to the verb unparsed: the verb validates with the same schema `body` names. */
  body: B;
  req: Request;
};

/**
 * One REST operation: the single description that routes a request, documents it in OpenAPI and types the
 * generated client. The handler calls a domain verb, which authorizes and validates itself; the schemas here
 * are those same verbs' schemas, so the document cannot say something the server does not do.
 */
export type Operation<P = Record<string, string>, R = unknown> = {
  method: ApiMethod;
  /** OpenAPI style: "/satellites/{id}". */
  path: string;
  /** The operationId; also the name the generated client and the CLI use. */
  id: string;
  summary: string;
  description?: string;
  tags: [string, ...string[]];
  params?: z.ZodType<P>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success body. A list answers `{ items, next }` (see pagination.ts). */
  response?: z.ZodType<R>;
  /**
   * Checked by the frame before anything is read (If-Match, a slug resolved to an id), so a caller without
   * it is refused, not told whether the resource exists. The verb still authorizes with its targets.
   */
  permission?: Permission;
  /** The answer holds a secret shown once (a new token): a repeated Idempotency-Key must not replay it. */
  secretInAnswer?: true;
  /** Answers without a caller (the API's own description); everything else authorizes in its verb. */
  public?: true;
  /** Success status: 200 unless said (201 created, 202 accepted, 204 no content). */
  status?: 200 | 201 | 202 | 204;
  /**
   * For updates and deletes: the resource as GET answers it, whose ETag `If-Match` must name (412 when it
   * does not). GET answers of single resources carry that same ETag.
   */
  current?: (ctx: Ctx, params: P) => Promise<unknown>;
  handler: (ctx: Ctx, input: OpInput<P, Record<string, string | string[]>, unknown>) => Promise<R | Response>;
};

/** Declares an operation with its types tied together: the handler must return what `response` documents. */
export function op<P = Record<string, string>, R = unknown>(operation: Operation<P, R>): Operation {
  return operation as unknown as Operation;
}
