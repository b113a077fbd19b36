// Lists the class selectors of the global stylesheets that no source file names, so dead rules can be
// removed. Usage: node scripts/css-unused.mjs [sheet.css …] [--verbose] (--verbose names each class's users).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const named = args.filter((a) => !a.startsWith("--"));
const sheets = named.length ? named : ["app/globals.css", "components/ui/primitives.css"];
// Classes a library puts on its own DOM (maplibre's popups and controls) are used without being named.
const THIRD_PARTY = /^maplibregl-/;

const classes = new Set();
for (const sheet of sheets) {
  const css = readFileSync(sheet, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  for (const selector of css.matchAll(/([^{}]+)\{/g)) {
    if (selector[1].trim().startsWith("@")) continue;
    for (const m of selector[1].matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) {
      if (!THIRD_PARTY.test(m[1])) classes.add(m[1]);
    }
  }
}

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(tsx?|mdx?)$/.test(name) && !/\.(test|spec)\.ts$/.test(name)) yield path;
  }
}
const files = ["app", "components", "lib"]
  .flatMap((d) => [...sources(d)])
  .map((p) => [p, readFileSync(p, "utf8")]);

let unused = 0;
for (const c of [...classes].sort()) {
  // Names appear in className strings, template literals and lists: match whole words only.
  const word = new RegExp(`(^|[^\\w-])${c.replace(/-/g, "\\-")}(?![\\w-])`);
  const users = files.filter(([, text]) => word.test(text)).map(([p]) => p);
  if (users.length === 0) unused++;
  if (users.length === 0 || verbose) {
    console.log(`${users.length === 0 ? "UNUSED " : ""}.${c}${verbose ? `  ${users.join(" ")}` : ""}`);
  }
}
console.log(`${classes.size} classes in ${sheets.join(", ")}; ${unused} unused`);
