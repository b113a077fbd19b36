// Sorts the Vitest files into the two projects of vitest.config.ts by what they import, so nobody keeps a list.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Modules that open the database: a test reaching one of them, however indirectly, is a domain test. */
export const DATABASE_MODULES = ["server/db.ts", "server/db-raw.ts", "prisma/migrate.ts", "test/setup-db.ts"];
// The test helpers (factories, gateway, child processes) exist for tests that need a database; the two
// files that set up the projects themselves do not.
const HELPER_DIR = "test/";
const PROJECT_FILES = ["test/test-projects.ts", "test/setup-unit.ts"];
// A test that hands a database to a child process names it, without importing any module above.
const NAMES_A_DATABASE = /\b(DATABASE_URL|ORRERY_TEST_ADMIN_URL)\b/;
const SKIP_DIRS = new Set(["node_modules", ".next", ".cache", ".git", "e2e", "test-results", "data"]);
const IMPORT =
  /(?:import|export)\s(?!type\s)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

function testFiles(root: string, dir = root, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) testFiles(root, path, found);
    else if (name.endsWith(".test.ts")) found.push(relative(root, path));
  }
  return found;
}

function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(join(root, from)), specifier);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base.replace(/\.js$/, "") + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return null;
}

/** True when the file, or anything it imports from the repository, opens or names a database. */
function needsDatabase(root: string, file: string, memo: Map<string, boolean>): boolean {
  const known = memo.get(file);
  if (known !== undefined) return known;
  memo.set(file, false); // an import cycle adds nothing new
  const source = readFileSync(join(root, file), "utf8");
  const isHelper = file.startsWith(HELPER_DIR) && !file.endsWith(".test.ts") && !PROJECT_FILES.includes(file);
  let result = DATABASE_MODULES.includes(file) || isHelper;
  if (!result && file.endsWith(".test.ts")) result = NAMES_A_DATABASE.test(source);
  for (const match of source.matchAll(IMPORT)) {
    if (result) break;
    const target = resolveImport(root, file, match[1] ?? match[2]);
    if (target) result = needsDatabase(root, target, memo);
  }
  memo.set(file, result);
  return result;
}

export function classifyTests(root: string): { unit: string[]; domain: string[] } {
  const memo = new Map<string, boolean>();
  const unit: string[] = [];
  const domain: string[] = [];
  for (const file of testFiles(root).sort()) (needsDatabase(root, file, memo) ? domain : unit).push(file);
  return { unit, domain };
}
