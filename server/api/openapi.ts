import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_CODES } from "../errors";
import type { Operation } from "./operation";
import { API_BASE } from "./paths";

/** RFC 9457 problem details: the shape of every error answer. */
export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ description: "A URN naming the kind of problem, e.g. urn:orrery:problem:validation." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong, as a sentence a person can act on." }),
    instance: z.string().optional(),
    code: z.enum(ERROR_CODES),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

const ERROR_ANSWERS: Record<string, string> = {
  "400": "The request is malformed (for example, the body is not JSON).",
  "401": "No valid API token or session.",
  "403": "The token's role or region scope does not allow this.",
  "404": "No such resource.",
  "422": "The input is invalid; `errors` names each field.",
  "429": "Too many requests for this token; see Retry-After.",
};

const DESCRIPTION = `Everything an operator does in the Orrery console, for scripts and pipelines.

Authenticate with an API token: \`Authorization: Bearer orr_…\` (create one on Settings › API tokens). A token
acts with its own role and region scope, never more than its owner's.

- Errors are \`application/problem+json\` (RFC 9457), with the failing fields in \`errors\`.
- Lists take \`limit\` (at most 500) and \`cursor\`, and answer \`{ items, next }\`; follow \`next\` until it is null.
- Every POST accepts an \`Idempotency-Key\`: a repeat with the same key and body returns the first answer; the same
  key with another body is refused with 422.
- Single resources carry an \`ETag\`; send it back as \`If-Match\` on an update or delete, and a stale write gets 412.
- Each token has a rate limit; over it, 429 with \`Retry-After\`.
- Answers are never cached (\`Cache-Control: private, no-store\`).`;

function register(registry: OpenAPIRegistry, op: Operation): void {
  const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> =
    {};
  const status = String(op.status ?? 200);
  responses[status] =
    status === "204" || !op.response
      ? { description: "Done." }
      : { description: "Success.", content: { "application/json": { schema: op.response } } };
  const errors = op.public ? ["400"] : ["400", "401", "403", "404", "422", "429"];
  if (op.current) errors.push("412");
  for (const code of errors) {
    const description =
      code === "412" ? "If-Match names an older version of the resource." : ERROR_ANSWERS[code];
    responses[code] = { description, content: { "application/problem+json": { schema: problemSchema } } };
  }
  const headers: z.ZodObject[] = [];
  if (op.method === "POST") {
    headers.push(
      z.object({
        "Idempotency-Key": z.string().max(255).optional().meta({ description: "Makes a retry safe." }),
      }),
    );
  }
  if (op.current && op.method !== "GET") {
    headers.push(z.object({ "If-Match": z.string().optional().meta({ description: "The ETag you read." }) }));
  }
  registry.registerPath({
    method: op.method.toLowerCase() as "get",
    path: op.path,
    operationId: op.id,
    summary: op.summary,
    description: op.permission
      ? `${op.description ?? ""}\n\nNeeds the \`${op.permission}\` permission.`.trim()
      : op.description,
    tags: op.tags,
    security: op.public ? [] : [{ bearerAuth: [] }],
    request: {
      params: op.params as z.ZodObject | undefined,
      query: op.query as z.ZodObject | undefined,
      headers,
      body: op.body ? { content: { "application/json": { schema: op.body } }, required: true } : undefined,
    },
    responses,
  });
}

let cached: unknown = null;

/** The OpenAPI 3.1 document, derived from the operations' own zod schemas once per process. */
export function openApiDocument(ops: readonly Operation[], version: string): unknown {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "orr_…",
    description: "An Orrery API token.",
  });
  for (const op of ops) register(registry, op);
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Orrery API",
      version,
      description: DESCRIPTION,
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerAuth: [] }],
  });
  cached = withExtensionLabels(document);
  return cached;
}

/**
 * The console's field labels (`.meta({ label })`, what forms and problems call a field) are not OpenAPI
 * keywords: they travel as the `x-label` extension. A property that is itself named "label" holds a schema,
 * never a string, so it is left alone.
 */
function withExtensionLabels<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withExtensionLabels) as T;
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "label" && typeof value === "string") out["x-label"] = value;
    else out[key] = withExtensionLabels(value);
  }
  return out as T;
}
