// The OpenAPI document and the client's types as committed files, built from the operations in-process:
// the document is the very answer GET /api/v1/openapi.json gives, so the file cannot differ from the server.
import openapiTS, { astToString } from "openapi-typescript";
import { format, resolveConfig } from "prettier";
import { docOps } from "../server/api/ops/docs";

export const DOCUMENT_FILE = "openapi/openapi.json";
export const TYPES_FILE = "cli/api-types.ts";

const TYPES_HEADER = `// Generated from ${DOCUMENT_FILE} by \`npm run api:openapi\`; do not edit. The CLI and the typed-client
// test take their request and answer shapes from here, so a change to an operation shows up as a type error.
`;

/**
 * The served document, as an object: the GET /api/v1/openapi.json operation's own handler, called without
 * the HTTP layer (which needs next-auth's session machinery, not loadable under plain Node).
 */
export async function servedDocument(): Promise<Record<string, unknown>> {
  const served = docOps.find((op) => op.path === "/openapi.json");
  if (!served) throw new Error("No GET /openapi.json operation in server/api/ops/docs.ts.");
  const ctx = { actor: null, requestId: "openapi-export" };
  const req = new Request("http://localhost/api/v1/openapi.json");
  const doc = await served.handler(ctx, { params: {}, query: {}, body: undefined, req });
  return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
}

/** Both files' text, formatted as the repository formats them, so a regeneration is a clean diff. */
export async function openApiArtifacts(): Promise<{ document: string; types: string }> {
  const doc = await servedDocument();
  const style = (await resolveConfig(TYPES_FILE)) ?? {};
  const document = await format(JSON.stringify(doc), { ...style, parser: "json" });
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], {
    exportType: true,
    rootTypes: true,
    // Request bodies are components too: a field with a default is optional to send, so it stays optional.
    defaultNonNullable: false,
  });
  const types = await format(TYPES_HEADER + astToString(ast), { ...style, parser: "typescript" });
  return { document, types };
}
