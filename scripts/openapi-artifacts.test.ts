import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FILE, openApiArtifacts, TYPES_FILE } from "./openapi-artifacts";

// The document and the client's types are committed, so `npm run typecheck` works on a fresh clone; this
// keeps them equal to what the operations generate now.
describe("the committed OpenAPI document and client types", () => {
  it("match the operations (run npm run api:openapi after changing one)", async () => {
    const { document, types } = await openApiArtifacts();
    expect(readFileSync(DOCUMENT_FILE, "utf8"), `${DOCUMENT_FILE} is stale: run npm run api:openapi`).toBe(
      document,
    );
    expect(readFileSync(TYPES_FILE, "utf8"), `${TYPES_FILE} is stale: run npm run api:openapi`).toBe(types);
  });
});
