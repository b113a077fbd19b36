// Writes a new migration for both databases from the change to prisma/schema.prisma since the last one.
//   npm run db:migration:new -- add_satellite_notes
// Prisma 7's migrate needs a native engine these machines cannot download, so this uses Prisma 6.19's
// CLI (WASM engine) from a tools folder it installs on first use, diffing the schema snapshot kept with the
// migrations against the current schema. PostgreSQL's diff needs a reachable server (MIGRATION_PG_URL).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const kit = join(root, ".cache/migration-kit");
const snapshot = join(root, "prisma/migrations/schema.prisma.snapshot");
const pgUrl = process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]{3,60}$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name_in_snake_case>");
  process.exit(2);
}

function ensureKit() {
  if (existsSync(join(kit, "node_modules/prisma/package.json"))) return;
  mkdirSync(kit, { recursive: true });
  writeFileSync(
    join(kit, "package.json"),
    '{ "name": "orrery-migration-kit", "private": true, "type": "module" }\n',
  );
  console.log("Installing Prisma 6.19's CLI into .cache/migration-kit (once) …");
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "prisma@6.19.3",
      "@prisma/adapter-better-sqlite3@6.19.3",
      "@prisma/adapter-pg@6.19.3",
      "better-sqlite3@12.11.1",
    ],
    { cwd: kit, stdio: "inherit" },
  );
}

/** Rewrites Orrery's schema for Prisma 6's CLI: a url in the datasource and a client-engine generator. */
function kitSchema(source, provider) {
  const url = provider === "sqlite" ? "file:./work/diff.db" : pgUrl;
  return source
    .replace(
      /generator client \{[^}]*\}/,
      'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}',
    )
    .replace(
      /datasource db \{[^}]*\}/,
      `datasource db {\n  provider = "${provider}"\n  url      = "${url}"\n}`,
    );
}

function diff(provider, fromSource, toSource) {
  const work = join(kit, "work");
  mkdirSync(work, { recursive: true });
  const to = join(work, `to-${provider}.prisma`);
  writeFileSync(to, kitSchema(toSource, provider));
  const args = ["migrate", "diff", "--script", "--to-schema-datamodel", to];
  if (fromSource) {
    const from = join(work, `from-${provider}.prisma`);
    writeFileSync(from, kitSchema(fromSource, provider));
    args.push("--from-schema-datamodel", from);
  } else args.push("--from-empty");
  const config = join(work, `${provider}.config.ts`);
  const adapter =
    provider === "sqlite"
      ? `import { PrismaBetterSQLite3 as A } from "@prisma/adapter-better-sqlite3";\nconst adapter = () => new A({ url: "file:./work/diff.db" });`
      : `import { PrismaPg as A } from "@prisma/adapter-pg";\nconst adapter = () => new A({ connectionString: ${JSON.stringify(pgUrl)} });`;
  writeFileSync(
    config,
    `import { defineConfig } from "prisma/config";\n${adapter}\nexport default defineConfig({ experimental: { adapter: true }, engine: "js", schema: ${JSON.stringify(to)}, adapter: async () => adapter() });\n`,
  );
  const result = spawnSync(
    process.execPath,
    [join(kit, "node_modules/prisma/build/index.js"), ...args, "--config", config],
    {
      cwd: kit,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    },
  );
  if (result.status !== 0) {
    console.error(result.stderr || result.stdout);
    process.exit(1);
  }
  return result.stdout;
}

ensureKit();
const current = readFileSync(join(root, "prisma/schema.prisma"), "utf8");
const previous = existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
let wrote = 0;
for (const [provider, dir] of [
  ["sqlite", "prisma/migrations"],
  ["postgresql", "prisma/postgres/migrations"],
]) {
  const sql = diff(provider, previous, current);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) continue;
  mkdirSync(join(root, dir, folder), { recursive: true });
  writeFileSync(join(root, dir, folder, "migration.sql"), sql);
  console.log(`wrote ${dir}/${folder}/migration.sql`);
  wrote++;
}
if (wrote === 0)
  console.log("prisma/schema.prisma has not changed since the last migration: nothing written.");
else writeFileSync(snapshot, current);
