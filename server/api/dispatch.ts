import "server-only";
import { randomUUID } from "node:crypto";
import { matchesEtag } from "@/lib/status/etag";
import { authorize } from "../auth/context";
import { tagJson } from "../cache/tagged-json";
import { AppError, parseInput } from "../errors";
import { PRIVATE_NO_STORE, queryObject } from "../http/route";
import { REQUEST_ID_HEADER } from "../http/headers";
import { baseSecurityHeaders, DATA_POLICY } from "../http/security-headers";
import { logError } from "../log";
import { apiCaller, type ApiCaller } from "./caller";
import { bodyHash, claimKey, settleKey } from "./idempotency";
import { match, type CompiledTable } from "./match";
import type { Operation } from "./operation";
import { fieldError, problemOf, problemResponse, PROBLEM_TYPE } from "./problem";
import { apiTable } from "./registry";

import { API_BASE } from "./paths";
export { API_BASE };
const MAX_BODY_BYTES = 1024 * 1024;
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * Every /api/v1 request the REST operations serve: find the operation, identify the caller, read the body,
 * honour Idempotency-Key and If-Match, run the verb, and answer JSON or RFC 9457 problems with the same
 * no-store and security headers every time.
 */
export async function dispatch(req: Request, table = apiTable()): Promise<Response> {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
  const url = new URL(req.url);
  const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) || "/" : url.pathname;
  let response: Response;
  try {
    response = await run(req, path, requestId, table);
  } catch (error) {
    if (!(error instanceof AppError)) logError("api request failed", error, { requestId, url: req.url });
    const problem = problemOf(error, url.pathname, requestId);
    const extra: Record<string, string> = {};
    if (error instanceof AppError && error.retryAfterSec) extra["Retry-After"] = String(error.retryAfterSec);
    response = problemResponse(problem, extra);
  }
  return withHeaders(response, requestId);
}

async function run(req: Request, path: string, requestId: string, table: CompiledTable): Promise<Response> {
  const found = match(table, req.method, path);
  if (found.kind === "none")
    throw new AppError("NOT_FOUND", "No such API endpoint. The list is at /api/v1/openapi.json.");
  if (found.kind === "method") {
    const problem = problemOf(
      new AppError("BAD_REQUEST", `${req.method} is not allowed here.`),
      path,
      requestId,
    );
    return problemResponse(
      { ...problem, status: 405, title: "Method not allowed" },
      { Allow: found.allow.join(", ") },
    );
  }
  const { op } = found;
  const caller = await apiCaller(req);
  const ctx = { ...caller.ctx, requestId };
  if (op.permission) authorize(ctx, op.permission);
  refuseNul(found.params, "");
  refuseNul(queryObject(req.url), "");
  const params = op.params ? parseInput(op.params, found.params) : found.params;
  const raw = WITH_BODY.has(req.method) ? await readBody(req) : "";
  const body = raw === "" ? (op.body ? {} : undefined) : parseJson(raw);
  refuseNul(body, "");

  const key = req.method === "POST" ? req.headers.get("idempotency-key") : null;
  let recordId: string | null = null;
  if (key !== null && caller.scope) {
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw fieldError(
        "VALIDATION",
        "Idempotency-Key",
        "Idempotency-Key must be 1 to 255 visible ASCII characters.",
      );
    }
    const claim = await claimKey(caller.scope, key, req.method, path, bodyHash(req.method, path, raw));
    if (claim.kind === "mismatch") {
      const message = "This Idempotency-Key was already used with a different request. Use a new key.";
      throw fieldError("VALIDATION", "Idempotency-Key", message);
    }
    if (claim.kind === "in-flight")
      throw new AppError("CONFLICT", "A request with this Idempotency-Key is still running. Retry shortly.");
    if (claim.kind === "replay") {
      return new Response(claim.status === 204 ? null : claim.body, {
        status: claim.status,
        headers: {
          "Content-Type": claim.status >= 400 ? PROBLEM_TYPE : "application/json",
          "Idempotent-Replayed": "true",
        },
      });
    }
    recordId = claim.recordId;
  }

  let response: Response;
  try {
    await checkIfMatch(req, op, caller, params);
    const result = await op.handler(ctx, { params, query: queryObject(req.url), body, req });
    response = result instanceof Response ? result : answer(req, op, result);
  } catch (error) {
    if (!recordId) throw error;
    if (!(error instanceof AppError)) logError("api request failed", error, { requestId, url: req.url });
    const problem = problemOf(error, new URL(req.url).pathname, requestId);
    response = problemResponse(problem);
  }
  if (recordId) {
    // A secret shown once is never kept for a replay: a repeat of the key is told so instead.
    const kept =
      op.secretInAnswer && response.status < 400
        ? { status: 409, body: JSON.stringify(problemOf(SECRET_NOT_REPLAYED, path, requestId)) }
        : { status: response.status, body: await response.clone().text() };
    await settleKey(recordId, kept.status, kept.body);
  }
  return response;
}

const SECRET_NOT_REPLAYED = new AppError(
  "CONFLICT",
  "This Idempotency-Key already made this request, and its secret is shown only once. Revoke what it made if it was lost.",
);

/**
 * A NUL character is never meaningful in Orrery's text and PostgreSQL refuses it in a string, so it is refused
 * here, for every operation, naming where it was.
 */
function refuseNul(value: unknown, where: string): void {
  if (typeof value === "string") {
    if (value.includes("\u0000"))
      throw fieldError("VALIDATION", where || "body", "This value must not contain a NUL character.");
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseNul(item, `${where}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      refuseNul(key, where);
      refuseNul(item, where ? `${where}.${key}` : key);
    }
  }
}

async function checkIfMatch(req: Request, op: Operation, caller: ApiCaller, params: unknown): Promise<void> {
  const ifMatch = req.headers.get("if-match");
  if (ifMatch === null || !op.current || req.method === "GET") return;
  const current = await op.current(caller.ctx, params as Record<string, string>);
  if (!matchesEtag(ifMatch, tagJson(current).etag)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "This resource changed since you read it (If-Match names an older ETag). Read it again and retry.",
    );
  }
}

function answer(req: Request, op: Operation, result: unknown): Response {
  const status = op.status ?? 200;
  if (status === 204) return new Response(null, { status });
  const { json, etag } = tagJson(result ?? null);
  if (req.method === "GET") {
    if (matchesEtag(req.headers.get("if-none-match"), etag))
      return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(json, { status, headers: { "Content-Type": "application/json", ETag: etag } });
  }
  // An update answers the resource as it now is, with the ETag a next If-Match would name.
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (op.current) headers.ETag = etag;
  return new Response(json, { status, headers });
}

async function readBody(req: Request): Promise<string> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The body is over 1 MB.");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The body is over 1 MB.");
  if (text.trim() === "") return "";
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  return text;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw fieldError("BAD_REQUEST", "body", "The body is not valid JSON.");
  }
}

function withHeaders(res: Response, requestId: string): Response {
  const headers: Record<string, string> = {
    ...baseSecurityHeaders(),
    "Content-Security-Policy": DATA_POLICY,
    "Cache-Control": PRIVATE_NO_STORE,
    "x-request-id": requestId,
  };
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}
