// Generates both Prisma clients (SQLite and PostgreSQL) so one build serves either database.
// The PostgreSQL schema is derived from prisma/schema.prisma: only the provider and output differ.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "prisma/schema.prisma");
const derived = join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(text) {
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: do not edit by hand.\n";
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output   = "./generated/sqlite"', 'output   = "../generated/postgres"');
  if (out === text) throw new Error("prisma/schema.prisma: provider or output line not found");
  return header + out;
}

function main() {
  mkdirSync(dirname(derived), { recursive: true });
  writeFileSync(derived, derivePostgresSchema(readFileSync(source, "utf8")));

  // Prisma 7's CLI tries to download its schema engine even to generate, unless one is named.
  const stubDir = join(root, "node_modules/.cache/orrery");
  const stub = join(stubDir, "schema-engine-stub");
  if (!existsSync(stub)) {
    mkdirSync(stubDir, { recursive: true });
    writeFileSync(
      stub,
      "#!/bin/sh\necho 'schema engine not available: use npm run db:migrate' >&2\nexit 1\n",
    );
    chmodSync(stub, 0o755);
  }
  const prismaBin = join(root, "node_modules/prisma/build/index.js");
  for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
    const result = spawnSync(process.execPath, [prismaBin, "generate", "--schema", schema], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        ORRERY_PRISMA_SCHEMA: schema,
        PRISMA_SCHEMA_ENGINE_BINARY: stub,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
