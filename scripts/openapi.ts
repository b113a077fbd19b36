// npm run api:openapi [-- --check]: writes openapi/openapi.json and cli/api-types.ts from the operations,
// without a running server. With --check it writes nothing and exits 1 when either file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DOCUMENT_FILE, openApiArtifacts, TYPES_FILE } from "./openapi-artifacts";

async function main() {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
  const { document, types } = await openApiArtifacts();
  const files: [string, string][] = [
    [DOCUMENT_FILE, document],
    [TYPES_FILE, types],
  ];
  let stale = 0;
  for (const [path, text] of files) {
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = "";
    }
    if (current === text) continue;
    stale += 1;
    if (values.check) console.error(`${path} is stale: run npm run api:openapi`);
    else {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale === 0) console.log("openapi/openapi.json and cli/api-types.ts are up to date");
  process.exit(values.check && stale > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
