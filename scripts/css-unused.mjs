// Lists the class selectors of a global stylesheet that no source file names, so dead rules can be removed.
// Usage: node scripts/css-unused.mjs [app/globals.css] — prints each class with the files that use it.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const sheet = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "app/globals.css";
const css = readFileSync(sheet, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
const classes = new Set();
for (const selector of css.matchAll(/([^{}]+)\{/g)) {
  if (selector[1].trim().startsWith("@")) continue;
  for (const m of selector[1].matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) classes.add(m[1]);
}

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(tsx?|mdx?)$/.test(name) && !name.endsWith(".spec.ts")) yield path;
  }
}
const files = ["app", "components", "lib"]
  .flatMap((d) => [...sources(d)])
  .map((p) => [p, readFileSync(p, "utf8")]);
const verbose = process.argv.includes("--verbose");
let unused = 0;
for (const c of [...classes].sort()) {
  // Names appear inside className strings, template literals and clsx-like lists: match whole words only.
  const word = new RegExp(`(^|[^\\w-])${c.replace(/[-]/g, "\\-")}(?![\\w-])`);
  const users = files.filter(([, text]) => word.test(text)).map(([p]) => p);
  if (users.length === 0) unused++;
  if (users.length === 0 || verbose)
    console.log(`${users.length === 0 ? "UNUSED " : ""}.${c}${verbose ? `  ${users.join(" ")}` : ""}`);
}
console.log(`${classes.size} classes, ${unused} unused`);
